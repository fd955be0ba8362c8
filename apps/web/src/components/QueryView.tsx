import type { ReactNode } from 'react';
import { ErrorState } from './StateViews.tsx';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Loading → skeleton, failure → error with retry, else the content. */
export function QueryView<T>({
  query,
  skeleton,
  children,
}: {
  query: QueryLike<T>;
  skeleton: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isPending) return <>{skeleton}</>;
  return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
}
