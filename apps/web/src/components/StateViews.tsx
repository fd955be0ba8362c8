import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { NoteIcon, RefreshIcon } from './icons.tsx';
import './state-views.css';

/** A failure with a way out: what went wrong and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.status === 404;
  const offline = error instanceof ApiError && error.code === 'network_error';
  const message = notFound ? t('state.notFound') : offline ? t('state.offline') : t('state.failed');
  return (
    <div className="state-view" role="alert">
      <p className="state-title">{message}</p>
      {error instanceof ApiError && !notFound && !offline ? (
        <p className="state-hint">{error.message}</p>
      ) : null}
      {onRetry && !notFound ? (
        <button type="button" className="btn" onClick={onRetry}>
          <RefreshIcon /> {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** Nothing here yet, and what to do about it. */
export function EmptyState({
  title,
  children,
  icon,
}: {
  title: string;
  children?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="state-view">
      <div className="state-icon">{icon ?? <NoteIcon />}</div>
      <p className="state-title">{title}</p>
      {children ? <div className="state-hint">{children}</div> : null}
    </div>
  );
}

export function Skeleton({
  width,
  height,
  round = false,
}: {
  width?: number | string;
  height?: number | string;
  round?: boolean;
}) {
  return (
    <div
      className="skeleton"
      style={{ width, height, borderRadius: round ? '50%' : undefined }}
      aria-hidden="true"
    />
  );
}

/** Placeholder rows for a track list. */
export function TrackListSkeleton({ rows = 8 }: { rows?: number }) {
  const { t } = useTranslation();
  return (
    <div className="list-skeleton" aria-busy="true" aria-label={t('state.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <div className="list-skeleton-row" key={i}>
          <Skeleton width={40} height={40} />
          <div className="list-skeleton-text">
            <Skeleton width="45%" height={12} />
            <Skeleton width="25%" height={10} />
          </div>
        </div>
      ))}
    </div>
  );
}

/** Placeholder tiles for a grid of covers. */
export function CardGridSkeleton({ count = 6, round = false }: { count?: number; round?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="card-grid" aria-busy="true" aria-label={t('state.loading')}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i}>
          <div className="skeleton" style={{ aspectRatio: '1', borderRadius: round ? '50%' : undefined }} />
          <Skeleton width="70%" height={12} />
        </div>
      ))}
    </div>
  );
}
