import { useTranslation } from 'react-i18next';
import { BellIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { EmptyState, TrackListSkeleton } from '../../components/StateViews.tsx';
import { NotificationItem } from './NotificationItem.tsx';
import { useMarkRead, useNotifications, useUnreadCount } from './notification-queries.ts';
import '../comments/comments.css';
import './notifications.css';

/** Replies, mentions, likes and hugs, newest first; reading one marks it read. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications();
  const unread = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  return (
    <div className="page notifications-page">
      <header className="section-head">
        <h1 className="page-title">{t('notifications.title')}</h1>
        <button
          type="button"
          className="btn"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate('all')}
          data-testid="mark-all-read"
        >
          {t('notifications.markAll')}
        </button>
      </header>
      <QueryView query={list} skeleton={<TrackListSkeleton rows={5} />}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.data);
          if (items.length === 0)
            return (
              <EmptyState title={t('notifications.empty')} icon={<BellIcon />}>
                {t('notifications.emptyHint')}
              </EmptyState>
            );
          return (
            <>
              <ol className="notification-list">
                {items.map((n) => (
                  <NotificationItem
                    key={n.id}
                    notification={n}
                    onOpen={(opened) => {
                      if (!opened.read) markRead.mutate([opened.id]);
                    }}
                  />
                ))}
              </ol>
              <LoadMore
                hasMore={list.hasNextPage}
                loading={list.isFetchingNextPage}
                failed={list.isFetchNextPageError}
                onLoadMore={() => void list.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryView>
    </div>
  );
}
