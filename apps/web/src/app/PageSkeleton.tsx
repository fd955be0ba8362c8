import { CardGridSkeleton, Skeleton } from '../components/StateViews.tsx';

/** What shows while a page's code loads. */
export function PageSkeleton() {
  return (
    <div className="page">
      <Skeleton width={160} height={24} />
      <div style={{ height: 20 }} />
      <CardGridSkeleton count={6} />
    </div>
  );
}
