import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RateWindow } from '../comments/comment.routes.ts';
import { BrowseRepository } from '../library/browse/browse.repository.ts';
import { ShareRepository } from './share.repository.ts';
import { shareRoutes } from './share.routes.ts';
import { ShareService } from './share.service.ts';

export interface SharingModuleDeps {
  db: Db;
  clock: Clock;
  /** default: 30 shares per user per minute */
  shareLimit?: RateWindow;
}

export interface SharingModule {
  routes: FastifyPluginAsyncZod[];
  service: ShareService;
}

export const DEFAULT_SHARE_LIMIT: RateWindow = { max: 30, timeWindow: '1 minute' };

export function createSharingModule(deps: SharingModuleDeps): SharingModule {
  const service = new ShareService(new ShareRepository(deps.db), new BrowseRepository(deps.db), deps.clock);
  return {
    routes: [shareRoutes({ shares: service, shareLimit: deps.shareLimit ?? DEFAULT_SHARE_LIMIT })],
    service,
  };
}
