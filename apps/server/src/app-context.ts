import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { JobRunsRepository } from './jobs/job-runs.repository.ts';
import { JobScheduler } from './jobs/job-scheduler.ts';
import { AccountService } from './modules/accounts/account.service.ts';
import { accountRoutes } from './modules/accounts/account.routes.ts';
import { AvatarStore } from './modules/accounts/avatar-store.ts';
import { LoginThrottle, MemoryThrottleStore, type ThrottleStore } from './modules/accounts/login-throttle.ts';
import { RedisThrottleStore } from './modules/accounts/redis-throttle-store.ts';
import { SessionRepository } from './modules/accounts/session.repository.ts';
import { SessionService } from './modules/accounts/session.service.ts';
import { UserRepository } from './modules/accounts/user.repository.ts';
import { createAnnotationsModule, type AnnotationsModule } from './modules/annotations/annotations.module.ts';
import { createChartsModule, type ChartsModule } from './modules/charts/charts.module.ts';
import { createListeningModule, type ListeningModule } from './modules/listening/listening.module.ts';
import { createCommentsModule, type CommentsModule } from './modules/comments/comments.module.ts';
import { createModerationModule } from './modules/moderation/moderation.module.ts';
import {
  createNotificationsModule,
  type NotificationsModule,
} from './modules/notifications/notifications.module.ts';
import { createLibraryModule, type LibraryModule } from './modules/library/library.module.ts';
import { createMediaModule } from './modules/media/media.module.ts';
import { opsRoutes } from './modules/ops/ops.routes.ts';
import { createPlaylistsModule, type PlaylistsModule } from './modules/playlists/playlists.module.ts';
import { createRecommendModule, type RecommendModule } from './modules/recommend/recommend.module.ts';
import { createSearchModule, type SearchModule } from './modules/search/search.module.ts';
import { createSharingModule } from './modules/sharing/sharing.module.ts';
import type { Clock } from './platform/clock.ts';
import { dataPaths, type DataPaths } from './platform/data-paths.ts';
import type { Logger } from './platform/logger.ts';

/**
 * The composition root: every repository and service is built here, and each service gets
 * only what its constructor names.
 */
export interface AppContext {
  config: Config;
  db: Db;
  paths: DataPaths;
  logger: Logger;
  clock: Clock;
  redis?: Redis;
  sessions: SessionService;
  accounts: AccountService;
  library: LibraryModule;
  search: SearchModule;
  playlists: PlaylistsModule;
  annotations: AnnotationsModule;
  listening: ListeningModule;
  charts: ChartsModule;
  notifications: NotificationsModule;
  comments: CommentsModule;
  recommend: RecommendModule;
  /** scheduled jobs; started by the server when this instance has the worker role */
  scheduler: JobScheduler;
  routes: FastifyPluginAsyncZod[];
  close(): Promise<void>;
}

export function createAppContext(
  config: Config,
  db: Db,
  logger: Logger,
  clock: Clock,
  /** where worker threads connect (the daily recommendations job); absent: no workers */
  databaseUrl?: string,
): AppContext {
  const paths = dataPaths(config.dataDir);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  redis?.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  const throttleStore: ThrottleStore = redis ? new RedisThrottleStore(redis) : new MemoryThrottleStore();

  const scheduler = new JobScheduler(new JobRunsRepository(db), clock, logger);
  const users = new UserRepository(db);
  const sessions = new SessionService(new SessionRepository(db), clock);
  const avatars = new AvatarStore(paths.avatars);
  const search = createSearchModule({ db });
  // The index is derived data: failing to update it must not fail the write that triggered it.
  const indexQuietly = (what: string, update: () => Promise<unknown>) =>
    update().then(
      () => undefined,
      (error: unknown) => logger.warn({ err: error }, `search index update failed (${what})`),
    );
  const accounts = new AccountService(users, sessions, new LoginThrottle(throttleStore), avatars, (userId) =>
    indexQuietly('user', () => search.indexer.reindexUsers([userId])),
  );
  const library = createLibraryModule({
    db,
    clock,
    logger,
    paths,
    musicDirs: config.musicDirs,
    // Keeps the search index current after every scan.
    onTracksChanged: (trackIds) => indexQuietly('tracks', () => search.indexer.reindexTracks(trackIds)),
  });
  const playlists = createPlaylistsModule({ db, clock, logger, paths });
  const annotations = createAnnotationsModule({ db, clock });
  const listening = createListeningModule({
    db,
    clock,
    logger,
    // Plays from a playlist raise its play count and its place on the square.
    onPlaysCounted: (plays) => playlists.recordPlays(plays),
    playlistAccess: playlists.access,
  });
  const charts = createChartsModule({ db, clock });
  scheduler.register({
    name: 'charts.refresh',
    schedule: { every: { minutes: 30 } },
    run: async () => {
      const { refreshedAt } = await charts.service.refresh();
      return { refreshedAt };
    },
  });
  const notifications = createNotificationsModule({
    db,
    clock,
    logger,
    redis,
    playlistAccess: playlists.access,
  });
  const comments = createCommentsModule({
    db,
    clock,
    logger,
    playlistAccess: playlists.access,
    notifications: notifications.service,
  });
  const moderation = createModerationModule({ db, clock, comments });
  const sharing = createSharingModule({ db, clock });
  scheduler.register({
    name: 'comments.hot-scores',
    schedule: { every: { minutes: 10 } },
    run: () => comments.refreshHotScores(),
  });
  const recommend = createRecommendModule({
    db,
    clock,
    logger,
    scheduler,
    playlistAccess: playlists.access,
    databaseUrl,
  });
  const media = createMediaModule({
    db,
    logger,
    paths,
    transcodeCacheBytes: config.transcodeCacheMb * 1024 * 1024,
  });

  return {
    config,
    db,
    paths,
    logger,
    clock,
    redis,
    sessions,
    accounts,
    library,
    search,
    playlists,
    annotations,
    listening,
    charts,
    notifications,
    comments,
    recommend,
    scheduler,
    routes: [
      opsRoutes({ db }),
      accountRoutes({ accounts, avatars, secureCookies: config.secureCookies }),
      ...library.routes,
      ...search.routes,
      ...media.routes,
      ...playlists.routes,
      ...annotations.routes,
      ...listening.routes,
      ...charts.routes,
      ...notifications.routes,
      ...comments.routes,
      ...moderation.routes,
      ...sharing.routes,
      ...recommend.routes,
    ],
    close: async () => {
      // Abort a training under way first, or shutting down would wait for it to finish.
      await recommend.stop();
      await scheduler.stop();
      await notifications.hub.close();
      await library.stop();
      redis?.disconnect();
    },
  };
}
