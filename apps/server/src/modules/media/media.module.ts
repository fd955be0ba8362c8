import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { DataPaths } from '../../platform/data-paths.ts';
import type { Logger } from '../../platform/logger.ts';

export interface MediaModuleDeps {
  db: Db;
  logger: Logger;
  paths: DataPaths;
  transcodeCacheBytes: number;
}

export interface MediaModule {
  routes: FastifyPluginAsyncZod[];
}

// Placeholder until streaming, transcoding and covers land.
export function createMediaModule(_deps: MediaModuleDeps): MediaModule {
  return { routes: [] };
}
