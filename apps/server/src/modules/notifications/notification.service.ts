import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { encodeCursor, pageSize, timePosition } from '../comments/keyset-cursor.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import type { NotificationEvent, Notifier } from './notification-event.ts';
import { presentNotification, type PresentedNotification } from './notification.presenter.ts';
import type { ActorRow, NotificationRepository, NotificationRow } from './notification.repository.ts';
import type { RealtimeHub } from './realtime-hub.ts';

export const NOTIFICATION_LIMITS = { defaultPage: 20, maxPage: 50 } as const;

export interface NotificationView {
  row: NotificationRow;
  actors: ActorRow[];
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

/** What goes over the WebSocket; clients treat it as a hint and re-fetch. */
export type RealtimeMessage =
  | { type: 'ready'; unread: number }
  | { type: 'unread'; unread: number }
  | { type: 'notification'; unread: number; notification: PresentedNotification };

/** pages of a list filtered after reading: enough rounds that a page fills, few enough to stay cheap */
const MAX_ROUNDS = 5;

/**
 * Notifications: written when something happens to a user's comment or they are mentioned,
 * read from the database (the record), and pushed to their open tabs as a hint.
 *
 * Nobody hears about a target they cannot see: an event about a private playlist is dropped
 * for anyone but its owner at write time, and a notification about a playlist that has become
 * private since is left out of lists and unread counts at read time.
 */
export class NotificationService implements Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly playlists: Pick<PlaylistAccessRepository, 'findVisible' | 'visibleIds'>,
    private readonly hub: Pick<RealtimeHub, 'publish'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async notify(event: NotificationEvent): Promise<void> {
    if (event.recipientId === event.actorId) return;
    if (!(await this.canSee(event.recipientId, event.comment))) return;
    const row = await this.notifications.record(event, this.clock.now());
    const [view] = await this.withActors([row]);
    await this.push(event.recipientId, (unread) => ({
      type: 'notification',
      unread,
      notification: presentNotification(view!),
    }));
  }

  async list(userId: string, options: { limit?: number; cursor?: string }): Promise<NotificationPage> {
    const limit = pageSize(options.limit, NOTIFICATION_LIMITS);
    const scope = `notifications:${userId}`;
    let after = timePosition(options.cursor, scope);
    const shown: NotificationRow[] = [];
    let more = false;
    for (let round = 0; round < MAX_ROUNDS && shown.length < limit; round++) {
      const rows = await this.notifications.page(userId, after, limit + 1);
      const visible = await this.visibleOnly(userId, rows);
      const room = limit - shown.length;
      shown.push(...visible.slice(0, room));
      // The next page starts after the last row looked at, shown or filtered out.
      const lastLooked = visible.length > room ? shown.at(-1)! : rows.at(-1);
      more = rows.length > limit || visible.length > room;
      if (!more || !lastLooked) break;
      after = { at: lastLooked.updatedAt.getTime(), id: lastLooked.id };
    }
    return {
      items: await this.withActors(shown),
      nextCursor: more && after ? encodeCursor(scope, [after.at, after.id]) : null,
      unread: await this.unreadCount(userId),
    };
  }

  /** Unread notifications the user may still see. */
  async unreadCount(userId: string): Promise<number> {
    const groups = await this.notifications.unreadByPlaylist(userId);
    const playlistIds = groups.flatMap((g) => (g.playlistId ? [g.playlistId] : []));
    const visible = await this.playlists.visibleIds(userId, playlistIds);
    return groups.reduce(
      (sum, g) => (g.playlistId === null || visible.has(g.playlistId) ? sum + g.count : sum),
      0,
    );
  }

  /** Marks the given notifications (or all, with `ids` undefined) read; returns the unread left. */
  async markRead(userId: string, ids: readonly string[] | undefined): Promise<number> {
    const changed = await this.notifications.markRead(userId, ids, this.clock.now());
    if (changed === 0) return this.unreadCount(userId);
    // Other tabs update their badge too.
    return this.push(userId, (unread) => ({ type: 'unread', unread }));
  }

  /** Publishes the message built from the current unread count; returns that count. */
  private async push(userId: string, message: (unread: number) => RealtimeMessage): Promise<number> {
    const unread = await this.unreadCount(userId);
    await this.hub.publish(userId, message(unread)).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'realtime push failed');
    });
    return unread;
  }

  private async canSee(userId: string, target: NotificationEvent['comment']): Promise<boolean> {
    if (target.targetType !== 'playlist') return true;
    return (await this.playlists.findVisible(userId, target.targetId)) !== undefined;
  }

  private async visibleOnly(userId: string, rows: NotificationRow[]): Promise<NotificationRow[]> {
    const playlistIds = [...new Set(rows.filter((r) => r.targetType === 'playlist').map((r) => r.targetId))];
    if (playlistIds.length === 0) return rows;
    const visible = await this.playlists.visibleIds(userId, playlistIds);
    return rows.filter((r) => r.targetType !== 'playlist' || visible.has(r.targetId));
  }

  private async withActors(rows: NotificationRow[]): Promise<NotificationView[]> {
    const actors = await this.notifications.actors([...new Set(rows.flatMap((r) => r.actorIds))]);
    const byId = new Map(actors.map((a) => [a.id, a]));
    return rows.map((row) => ({ row, actors: row.actorIds.flatMap((id) => byId.get(id) ?? []) }));
  }
}
