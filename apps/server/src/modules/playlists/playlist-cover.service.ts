import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { PlaylistCoverImages } from './playlist-cover-image.ts';
import type { PlaylistCoverRepository } from './playlist-cover.repository.ts';
import { assertPlaylistId, authorize } from './playlist-guard.ts';
import type { PlaylistRepository } from './playlist.repository.ts';

/** The automatic cover is a mosaic of this many distinct covers of the first tracks. */
const MOSAIC_COVERS = 4;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * A playlist's cover: the owner's upload, else an automatic one made from the covers of its
 * first tracks: none → no cover, one → that cover, two to four → a 2×2 mosaic. The automatic
 * cover remembers which covers it was made from, so it is only made again when those change.
 */
export class PlaylistCoverService {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly covers: PlaylistCoverRepository,
    private readonly images: PlaylistCoverImages,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async upload(viewerId: string, playlistId: string, upload: Buffer): Promise<void> {
    assertPlaylistId(playlistId);
    authorize(viewerId, 'update', await this.playlists.facts(playlistId));
    const cover = await this.images.fromUpload(upload);
    await this.covers.saveCover(cover);
    await this.covers.setUploaded(playlistId, cover.id, this.clock.now());
  }

  /** Drops the upload and goes back to the automatic cover. */
  async reset(viewerId: string, playlistId: string): Promise<void> {
    assertPlaylistId(playlistId);
    authorize(viewerId, 'update', await this.playlists.facts(playlistId));
    await this.covers.clearUploaded(playlistId, this.clock.now());
    await this.refresh(playlistId);
  }

  /**
   * Makes the automatic cover again if its first covers changed. Called after every track
   * edit; a failure (an unreadable cover file) is logged and leaves the old cover in place,
   * since the edit that called it has already been committed.
   */
  async refresh(playlistId: string): Promise<void> {
    try {
      const state = await this.covers.state(playlistId);
      if (!state || state.coverUploaded) return;
      const sources = await this.covers.leadingCovers(playlistId, MOSAIC_COVERS);
      if (sameList(sources, state.coverSources) && sources.length > 0 === (state.coverId !== null)) return;
      let coverId: string | null = sources[0] ?? null;
      if (sources.length > 1) {
        const mosaic = await this.images.mosaic(sources);
        await this.covers.saveCover(mosaic);
        coverId = mosaic.id;
      }
      await this.covers.setAutomatic(playlistId, coverId, sources, state.coverSources);
    } catch (error) {
      this.logger.warn({ err: error, playlistId }, 'automatic playlist cover failed');
    }
  }
}
