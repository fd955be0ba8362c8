import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { formatDateTime } from '../../lib/intl-format.ts';
import { useAuditLog } from './moderation-queries.ts';

/** What staff did and why, newest first. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const audit = useAuditLog();
  return (
    <QueryView query={audit} skeleton={<TrackListSkeleton rows={5} />}>
      {(data) => {
        const entries = data.pages.flatMap((page) => page.data);
        if (entries.length === 0) return <EmptyState title={t('moderation.empty.audit')} />;
        return (
          <>
            <ol className="audit-list">
              {entries.map((entry) => (
                <li key={entry.id} className="audit-entry" data-testid="audit-entry">
                  <span className="audit-what">
                    {t(`moderation.audit.${entry.action}`, {
                      name: entry.actor?.nickname ?? t('moderation.audit.system'),
                    })}
                  </span>
                  <span className="audit-reason">
                    {t('moderation.audit.reason', { reason: entry.reason })}
                  </span>
                  <time className="muted" dateTime={entry.createdAt}>
                    {formatDateTime(entry.createdAt, i18n.language)}
                  </time>
                </li>
              ))}
            </ol>
            <LoadMore
              hasMore={audit.hasNextPage}
              loading={audit.isFetchingNextPage}
              failed={audit.isFetchNextPageError}
              onLoadMore={() => void audit.fetchNextPage()}
            />
          </>
        );
      }}
    </QueryView>
  );
}
