import { badRequest } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PlaylistActivity } from './playlist-activity.ts';
import { encodeCursor, readCursor } from './playlist-cursor.ts';
import { assertPlaylistId, authorize } from './playlist-guard.ts';
import type { PlaylistSubscriptionRepository, SubscriberRow } from './playlist-subscription.repository.ts';
import type { PlaylistRepository } from './playlist.repository.ts';

export interface SubscriptionState {
  subscribed: boolean;
  subscriberCount: number;
}

export interface SubscriberPage {
  subscribers: SubscriberRow[];
  nextCursor: string | null;
}

const subscriberCursorKind = (playlistId: string) => `subscribers:${playlistId}`;

/**
 * Collecting someone else's public playlist. Both directions are idempotent. A new
 * subscription adds its weight to the hot score and unsubscribing takes exactly that weight
 * back, so subscribing and unsubscribing in a loop leaves the square as it was.
 */
export class PlaylistSubscriptionService {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly subscriptions: PlaylistSubscriptionRepository,
    private readonly activity: PlaylistActivity,
    private readonly clock: Clock,
  ) {}

  async subscribe(viewerId: string, playlistId: string): Promise<SubscriptionState> {
    assertPlaylistId(playlistId);
    const playlist = await this.playlists.facts(playlistId);
    authorize(viewerId, 'view', playlist);
    if (playlist.ownerId === viewerId) {
      throw badRequest('own_playlist', 'You cannot subscribe to your own playlist');
    }
    const at = this.clock.now();
    if (await this.subscriptions.add(playlistId, viewerId, at)) {
      await this.activity.recordSubscription(playlistId, at);
    }
    return { subscribed: true, subscriberCount: await this.subscriptions.subscriberCount(playlistId) };
  }

  async unsubscribe(viewerId: string, playlistId: string): Promise<SubscriptionState> {
    assertPlaylistId(playlistId);
    authorize(viewerId, 'view', await this.playlists.facts(playlistId));
    const subscribedAt = await this.subscriptions.remove(playlistId, viewerId);
    if (subscribedAt) await this.activity.withdrawSubscription(playlistId, subscribedAt);
    return { subscribed: false, subscriberCount: await this.subscriptions.subscriberCount(playlistId) };
  }

  async subscribers(
    viewerId: string,
    playlistId: string,
    page: { limit: number; cursor?: string },
  ): Promise<SubscriberPage> {
    assertPlaylistId(playlistId);
    const kind = subscriberCursorKind(playlistId);
    const cursor = readCursor(page.cursor, kind, ['timestamp', 'uuid'] as const);
    authorize(viewerId, 'view', await this.playlists.facts(playlistId));
    const { rows, hasMore } = await this.subscriptions.subscribers(
      playlistId,
      cursor && { key: cursor[0], id: cursor[1] },
      page.limit,
    );
    const last = rows.at(-1);
    return {
      subscribers: rows,
      nextCursor: hasMore && last ? encodeCursor(kind, [last.sortKey, last.id]) : null,
    };
  }
}
