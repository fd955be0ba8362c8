import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { RealtimeMessage } from '../../lib/realtime-connection.ts';
import type { NotificationPage } from '../../lib/api-types.ts';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const unreadKey = [...NOTIFICATIONS_KEY, 'unread'] as const;
export const listKey = [...NOTIFICATIONS_KEY, 'list'] as const;

/**
 * A hint from the server over the WebSocket. The count it carries is shown at once; the list
 * is fetched again (the API is the record). After a reconnect (`resync`) everything is.
 */
export function applyRealtimeMessage(queryClient: QueryClient, message: RealtimeMessage): void {
  if (typeof message.unread === 'number') queryClient.setQueryData(unreadKey, message.unread);
  if (message.type === 'notification' || message.type === 'unread')
    void queryClient.invalidateQueries({ queryKey: listKey });
  if (message.type === 'resync') void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
}

/** Marks notifications read in the cached list: the given ids, or all of them. */
export function markReadInCache(queryClient: QueryClient, ids: readonly string[] | 'all'): void {
  const wanted = ids === 'all' ? null : new Set(ids);
  queryClient.setQueryData<InfiniteData<NotificationPage>>(listKey, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((page) => ({
            ...page,
            data: page.data.map((n) => (!n.read && (!wanted || wanted.has(n.id)) ? { ...n, read: true } : n)),
          })),
        }
      : old,
  );
}
