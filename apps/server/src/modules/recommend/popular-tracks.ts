import type { Clock } from '../../platform/clock.ts';
import type { CandidateRepository, SqlCandidate } from './candidate.repository.ts';

/** How many popular tracks are kept: enough to fill a list past any one user's filters. */
export const POPULAR_POOL = 300;
const TTL_MS = 10 * 60_000;

/**
 * The library's most played tracks, the last resort of every list. The same for everyone, so it
 * is read once per 10 minutes rather than once per user (the daily job makes thousands of lists).
 */
export class PopularTracks {
  private cached: { at: number; tracks: Promise<SqlCandidate[]> } | null = null;

  constructor(
    private readonly candidates: Pick<CandidateRepository, 'popularWithin'>,
    private readonly clock: Clock,
  ) {}

  get(): Promise<SqlCandidate[]> {
    const now = this.clock.now().getTime();
    if (!this.cached || now - this.cached.at > TTL_MS || now < this.cached.at) {
      const tracks = this.candidates.popularWithin({ genres: [], artistIds: [] }, POPULAR_POOL);
      this.cached = { at: now, tracks };
      // A failed read is not kept: the next caller tries again.
      tracks.catch(() => {
        if (this.cached?.tracks === tracks) this.cached = null;
      });
    }
    return this.cached.tracks;
  }
}
