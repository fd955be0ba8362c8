import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { useReports } from './moderation-queries.ts';
import type { CommentReport } from '../../lib/api-types.ts';
import { ReportCard } from './ReportCard.tsx';

/** Reports waiting for a decision, or the ones decided. */
export function ReportQueue({ status }: { status: CommentReport['status'] }) {
  const { t } = useTranslation();
  const reports = useReports(status);
  return (
    <QueryView query={reports} skeleton={<TrackListSkeleton rows={4} />}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.data);
        if (items.length === 0) return <EmptyState title={t(`moderation.empty.${status}`)} />;
        return (
          <>
            <ol className="report-list">
              {items.map((report) => (
                <ReportCard key={report.id} report={report} />
              ))}
            </ol>
            <LoadMore
              hasMore={reports.hasNextPage}
              loading={reports.isFetchingNextPage}
              failed={reports.isFetchNextPageError}
              onLoadMore={() => void reports.fetchNextPage()}
            />
          </>
        );
      }}
    </QueryView>
  );
}
