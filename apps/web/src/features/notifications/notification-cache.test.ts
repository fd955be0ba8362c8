import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyRealtimeMessage, listKey, markReadInCache, unreadKey } from './notification-cache.ts';
import type { Notification, NotificationPage } from '../../lib/api-types.ts';

const note = (id: string, read = false) => ({ id, read }) as Notification;

function seeded() {
  const client = new QueryClient();
  client.setQueryData(unreadKey, 1);
  const list: InfiniteData<NotificationPage> = {
    pages: [{ data: [note('a'), note('b'), note('c', true)], nextCursor: null, unread: 2 }],
    pageParams: [undefined],
  };
  client.setQueryData(listKey, list);
  return client;
}

const reads = (client: QueryClient) =>
  client.getQueryData<InfiniteData<NotificationPage>>(listKey)!.pages[0]!.data.map((n) => n.read);

describe('notifications in the cache', () => {
  it('take the count a push carries at once and fetch the list again', () => {
    const client = seeded();
    applyRealtimeMessage(client, { type: 'notification', unread: 5, notification: {} });
    expect(client.getQueryData(unreadKey)).toBe(5);
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it('fetch everything again after a reconnect', () => {
    const client = seeded();
    applyRealtimeMessage(client, { type: 'resync' });
    expect(client.getQueryState(unreadKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it('ignore messages about other things', () => {
    const client = seeded();
    applyRealtimeMessage(client, { type: 'something-else' });
    expect(client.getQueryData(unreadKey)).toBe(1);
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(false);
  });

  it('mark some or all read', () => {
    const client = seeded();
    markReadInCache(client, ['b']);
    expect(reads(client)).toEqual([false, true, true]);
    markReadInCache(client, 'all');
    expect(reads(client)).toEqual([true, true, true]);
  });
});
