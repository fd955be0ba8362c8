import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { UserRepository } from '../accounts/user.repository.ts';
import { TrackLoader } from '../library/browse/track-loader.ts';
import { BrowseRepository } from '../library/browse/browse.repository.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import { HistoryRepository } from './history.repository.ts';
import { HistoryService } from './history.service.ts';
import { IngestRepository } from './ingest.repository.ts';
import { IngestService, type OnPlaysCounted } from './ingest.service.ts';
import { ListeningSettingsRepository } from './listening-settings.repository.ts';
import { listeningRoutes } from './listening.routes.ts';
import { RankingRepository } from './ranking.repository.ts';
import { RankingService } from './ranking.service.ts';

export interface ListeningModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** plays that just counted and were played from a playlist (the playlist play counter) */
  onPlaysCounted: OnPlaysCounted;
  /** which playlists a viewer may see: history hides the others */
  playlistAccess: Pick<PlaylistAccessRepository, 'visibleIds'>;
}

export interface ListeningModule {
  routes: FastifyPluginAsyncZod[];
  ingest: IngestService;
  history: HistoryService;
  ranking: RankingService;
}

export function createListeningModule(deps: ListeningModuleDeps): ListeningModule {
  const { db, clock } = deps;
  const catalog = new BrowseRepository(db);
  const tracks = new TrackLoader(catalog);
  const ingest = new IngestService(new IngestRepository(db), clock, deps.logger, deps.onPlaysCounted);
  const history = new HistoryService(new HistoryRepository(db), tracks, catalog, deps.playlistAccess);
  const ranking = new RankingService(
    new RankingRepository(db),
    new ListeningSettingsRepository(db),
    new UserRepository(db),
    tracks,
    clock,
  );
  return { routes: [listeningRoutes({ ingest, history, ranking })], ingest, history, ranking };
}
