import { isUuid } from '../library/browse/cursor.ts';
import { hotExponent, logSumExp } from './playlist-ranking.ts';
import type { ActivityIncrement, PlaylistRepository } from './playlist.repository.ts';

export interface PlaylistEvent {
  playlistId: string;
  at: Date;
}

/**
 * One increment per playlist for a batch of events: how many were plays, and the summed
 * weight of all of them in log space. Events that cannot name a playlist (a malformed id from
 * a client's play report, an invalid date) are dropped rather than failing the batch.
 */
export function activityIncrements(events: readonly PlaylistEvent[], arePlays: boolean): ActivityIncrement[] {
  const byPlaylist = new Map<string, number[]>();
  for (const { playlistId, at } of events) {
    if (!isUuid(playlistId) || !Number.isFinite(at.getTime())) continue;
    const key = playlistId.toLowerCase();
    const exponents = byPlaylist.get(key) ?? [];
    exponents.push(hotExponent(at));
    byPlaylist.set(key, exponents);
  }
  return [...byPlaylist].map(([playlistId, exponents]) => ({
    playlistId,
    plays: arePlays ? exponents.length : 0,
    logWeight: logSumExp(exponents),
  }));
}

/** Plays and subscriptions feed the play count and the hot score of the square. */
export class PlaylistActivity {
  constructor(private readonly playlists: PlaylistRepository) {}

  /** Called by the listening module for counted plays whose source was a playlist. */
  recordPlays(plays: readonly PlaylistEvent[]): Promise<void> {
    return this.playlists.recordActivity(activityIncrements(plays, true));
  }

  recordSubscription(playlistId: string, at: Date): Promise<void> {
    return this.playlists.recordActivity(activityIncrements([{ playlistId, at }], false));
  }

  /** An unsubscribe: the weight its subscription added at `subscribedAt` is taken back. */
  withdrawSubscription(playlistId: string, subscribedAt: Date): Promise<void> {
    return this.playlists.withdrawActivity(playlistId, hotExponent(subscribedAt));
  }
}
