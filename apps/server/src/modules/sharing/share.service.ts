import type { ShareChannel } from '../../db/tables/sharing.ts';
import { requireTrack } from '../library/browse/require-track.ts';
import type { Clock } from '../../platform/clock.ts';
import type { BrowseRepository } from '../library/browse/browse.repository.ts';
import type { ShareRepository } from './share.repository.ts';

export interface ShareResult {
  trackId: string;
  shareCount: number;
  /** the web song page, a path: the client knows the origin it is served from */
  url: string;
}

/** The song page a share points to. */
export const trackPath = (trackId: string) => `/tracks/${trackId}`;

/** Sharing a track: each share is recorded and counted; the recommender reads them as taste. */
export class ShareService {
  constructor(
    private readonly shares: ShareRepository,
    private readonly catalog: Pick<BrowseRepository, 'trackExists'>,
    private readonly clock: Clock,
  ) {}

  async share(userId: string, trackId: string, channel: ShareChannel): Promise<ShareResult> {
    await requireTrack(this.catalog, trackId);
    await this.shares.record(userId, trackId, channel, this.clock.now());
    return { trackId, shareCount: await this.shares.count(trackId), url: trackPath(trackId) };
  }

  async count(trackId: string): Promise<{ trackId: string; shareCount: number }> {
    await requireTrack(this.catalog, trackId);
    return { trackId, shareCount: await this.shares.count(trackId) };
  }
}
