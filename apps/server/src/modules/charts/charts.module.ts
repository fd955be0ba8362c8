import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { TrackLoader } from '../library/browse/track-loader.ts';
import { BrowseRepository } from '../library/browse/browse.repository.ts';
import { ChartRepository } from './chart.repository.ts';
import { ChartService } from './chart.service.ts';
import { chartRoutes } from './charts.routes.ts';

export interface ChartsModuleDeps {
  db: Db;
  clock: Clock;
}

export interface ChartsModule {
  routes: FastifyPluginAsyncZod[];
  /** `service.refresh()` recomputes every chart; schedule it (every 30 minutes) */
  service: ChartService;
}

export function createChartsModule(deps: ChartsModuleDeps): ChartsModule {
  const service = new ChartService(
    new ChartRepository(deps.db),
    new TrackLoader(new BrowseRepository(deps.db)),
    deps.clock,
  );
  return { routes: [chartRoutes({ charts: service })], service };
}
