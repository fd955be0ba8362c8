import { useTranslation } from 'react-i18next';
import { Skeleton } from '../../components/StateViews.tsx';

/** Placeholder comments while the first page loads. */
export function CommentsSkeleton({ rows = 3 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="comments-skeleton" aria-busy="true" aria-label={t('state.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <div className="comments-skeleton-row" key={i}>
          <Skeleton width={36} height={36} round />
          <div className="comments-skeleton-text">
            <Skeleton width="60%" height={12} />
            <Skeleton width="30%" height={10} />
          </div>
        </div>
      ))}
    </div>
  );
}
