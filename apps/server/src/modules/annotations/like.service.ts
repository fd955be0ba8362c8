import { requireTrack } from '../library/browse/require-track.ts';
import type { Clock } from '../../platform/clock.ts';
import type { BrowseRepository, TrackRow } from '../library/browse/browse.repository.ts';
import type { LikeRepository } from './like.repository.ts';
import { readCursor, toPage } from './newest-first-page.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';

const LIST = 'likes:desc';

export interface LikesPage {
  tracks: TrackRow[];
  nextCursor: string | null;
}

/** The red heart: like and unlike are idempotent; the liked tracks are the user's first playlist. */
export class LikeService {
  constructor(
    private readonly likes: LikeRepository,
    private readonly catalog: Pick<BrowseRepository, 'trackExists'>,
    private readonly tracks: TrackLoader,
    private readonly clock: Clock,
  ) {}

  async like(userId: string, trackId: string): Promise<void> {
    await requireTrack(this.catalog, trackId);
    await this.likes.like(userId, trackId, this.clock.now());
  }

  async unlike(userId: string, trackId: string): Promise<void> {
    await requireTrack(this.catalog, trackId);
    await this.likes.unlike(userId, trackId, this.clock.now());
  }

  /** Liked tracks, most recently liked first. */
  async list(userId: string, input: { cursor?: string; limit: number }): Promise<LikesPage> {
    const from = readCursor(input.cursor, LIST);
    const rows = await this.likes.page(userId, from, input.limit);
    const page = toPage(rows, input.limit, LIST, (row) => ({ id: row.trackId, key: row.likedKey }));
    const withTracks = await this.tracks.attach(page.rows);
    return { tracks: withTracks.map((row) => row.track), nextCursor: page.nextCursor };
  }

  /** Which of these tracks the user likes, so a list can draw its hearts. */
  lookup(userId: string, trackIds: readonly string[]): Promise<string[]> {
    return this.likes.liked(userId, trackIds);
  }
}
