import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import { NotificationRepository } from './notification.repository.ts';
import { notificationRoutes } from './notification.routes.ts';
import { NotificationService } from './notification.service.ts';
import { RealtimeHub } from './realtime-hub.ts';
import { realtimeRoutes } from './realtime.routes.ts';

export interface NotificationsModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** fans pushes out to every instance; without it they reach this instance's sockets */
  redis?: Redis;
  playlistAccess?: Pick<PlaylistAccessRepository, 'findVisible' | 'visibleIds'>;
  pingIntervalMs?: number;
}

export interface NotificationsModule {
  /** the REST routes and `GET /api/v1/ws` */
  routes: FastifyPluginAsyncZod[];
  service: NotificationService;
  /** close it on shutdown (it holds sockets, a ping timer and a Redis subscriber) */
  hub: RealtimeHub;
}

export function createNotificationsModule(deps: NotificationsModuleDeps): NotificationsModule {
  const hub = new RealtimeHub({
    logger: deps.logger,
    redis: deps.redis,
    pingIntervalMs: deps.pingIntervalMs,
  });
  const service = new NotificationService(
    new NotificationRepository(deps.db),
    deps.playlistAccess ?? new PlaylistAccessRepository(deps.db),
    hub,
    deps.clock,
    deps.logger,
  );
  return {
    routes: [notificationRoutes({ notifications: service }), realtimeRoutes({ hub, notifications: service })],
    service,
    hub,
  };
}
