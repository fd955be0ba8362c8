import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { DataPaths } from '../../platform/data-paths.ts';
import type { Logger } from '../../platform/logger.ts';
import { CoverResizer } from './cover-resizer.ts';
import { CoverService } from './cover.service.ts';
import { MediaRepository } from './media.repository.ts';
import { mediaRoutes } from './media.routes.ts';
import { StreamService } from './stream.service.ts';
import { TranscodeCache } from './transcode-cache.ts';
import { FfmpegTranscoder, type Transcoder } from './transcoder.ts';

export interface MediaModuleDeps {
  db: Db;
  logger: Logger;
  paths: DataPaths;
  transcodeCacheBytes: number;
  /** replaces ffmpeg (tests count or fail runs with it) */
  transcoder?: Transcoder;
}

export interface MediaModule {
  routes: FastifyPluginAsyncZod[];
  /** the on-disk transcode cache, for its statistics */
  transcodes: TranscodeCache;
}

/** Streaming with Range support, transcoding with a bounded cache, and cover thumbnails. */
export function createMediaModule(deps: MediaModuleDeps): MediaModule {
  const repository = new MediaRepository(deps.db);
  // Nothing touches the disk until the first request: building the app must stay side-effect free.
  const transcodes = new TranscodeCache({
    dir: deps.paths.transcodes,
    maxBytes: deps.transcodeCacheBytes,
    logger: deps.logger,
  });
  const streams = new StreamService(
    repository,
    transcodes,
    deps.transcoder ?? new FfmpegTranscoder(),
    deps.logger,
  );
  const covers = new CoverService(
    repository,
    new CoverResizer(deps.paths.covers, deps.paths.coverSizes),
    deps.paths.covers,
  );
  return { routes: [mediaRoutes({ streams, covers })], transcodes };
}
