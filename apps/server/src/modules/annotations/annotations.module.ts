import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { BrowseRepository } from '../library/browse/browse.repository.ts';
import { LikeRepository } from './like.repository.ts';
import { likeRoutes } from './like.routes.ts';
import { LikeService } from './like.service.ts';
import { TrackLoader } from '../library/browse/track-loader.ts';

export interface AnnotationsModuleDeps {
  db: Db;
  clock: Clock;
}

export interface AnnotationsModule {
  routes: FastifyPluginAsyncZod[];
  likes: LikeService;
}

export function createAnnotationsModule(deps: AnnotationsModuleDeps): AnnotationsModule {
  const catalog = new BrowseRepository(deps.db);
  const likes = new LikeService(new LikeRepository(deps.db), catalog, new TrackLoader(catalog), deps.clock);
  return { routes: [likeRoutes({ likes })], likes };
}
