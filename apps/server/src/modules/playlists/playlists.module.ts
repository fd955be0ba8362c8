import { BrowseRepository } from '../library/browse/browse.repository.ts';
import { TrackLoader } from '../library/browse/track-loader.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataPaths } from '../../platform/data-paths.ts';
import type { Logger } from '../../platform/logger.ts';
import { PlaylistAccessRepository } from './playlist-access.repository.ts';
import { PlaylistActivity, type PlaylistEvent } from './playlist-activity.ts';
import { PlaylistCoverImages } from './playlist-cover-image.ts';
import { PlaylistCoverRepository } from './playlist-cover.repository.ts';
import { PlaylistCoverService } from './playlist-cover.service.ts';
import { playlistListRoutes } from './playlist-lists.routes.ts';
import { PlaylistListingService } from './playlist-listing.service.ts';
import { PlaylistReadRepository } from './playlist-read.repository.ts';
import { PlaylistSubscriptionRepository } from './playlist-subscription.repository.ts';
import { PlaylistSubscriptionService } from './playlist-subscription.service.ts';
import { PlaylistTrackRepository } from './playlist-track.repository.ts';
import { PlaylistTrackService } from './playlist-track.service.ts';
import { PlaylistRepository } from './playlist.repository.ts';
import { playlistRoutes } from './playlist.routes.ts';
import { PlaylistService } from './playlist.service.ts';

export interface PlaylistsModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
}

export interface PlaylistsModule {
  routes: FastifyPluginAsyncZod[];
  service: PlaylistService;
  tracks: PlaylistTrackService;
  subscriptions: PlaylistSubscriptionService;
  /** may this viewer see this playlist? (comments, notifications, search, charts ask) */
  access: PlaylistAccessRepository;
  /**
   * For the listening module: counted plays whose source was a playlist. Bumps play_count
   * and the hot score; ids that name no playlist are ignored.
   */
  recordPlays(plays: { playlistId: string; at: Date }[]): Promise<void>;
}

/** Playlists: CRUD, tracks and their order, covers, subscriptions and the square. */
export function createPlaylistsModule(deps: PlaylistsModuleDeps): PlaylistsModule {
  const { db, clock, logger, paths } = deps;
  const playlists = new PlaylistRepository(db);
  const reads = new PlaylistReadRepository(db);
  const trackRows = new PlaylistTrackRepository(db, new TrackLoader(new BrowseRepository(db)));
  const activity = new PlaylistActivity(playlists);
  const covers = new PlaylistCoverService(
    playlists,
    new PlaylistCoverRepository(db),
    new PlaylistCoverImages(paths.covers),
    clock,
    logger,
  );
  const service = new PlaylistService(playlists, reads, trackRows, clock);
  const tracks = new PlaylistTrackService(trackRows, clock, (id) => covers.refresh(id));
  const listings = new PlaylistListingService(reads, clock);
  const subscriptions = new PlaylistSubscriptionService(
    playlists,
    new PlaylistSubscriptionRepository(db),
    activity,
    clock,
  );
  return {
    routes: [
      playlistRoutes({ playlists: service, tracks, covers }),
      playlistListRoutes({ listings, subscriptions }),
    ],
    service,
    tracks,
    subscriptions,
    access: new PlaylistAccessRepository(db),
    recordPlays: (plays: PlaylistEvent[]) => activity.recordPlays(plays),
  };
}
