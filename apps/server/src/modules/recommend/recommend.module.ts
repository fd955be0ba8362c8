import { availableParallelism } from 'node:os';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { JobScheduler } from '../../jobs/job-scheduler.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { BrowseRepository } from '../library/browse/browse.repository.ts';
import { TrackLoader } from '../library/browse/track-loader.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import { PlaylistReadRepository } from '../playlists/playlist-read.repository.ts';
import { CandidatePools } from './candidate-pools.ts';
import { CandidateRepository } from './candidate.repository.ts';
import { DailyGenerator } from './daily-generator.ts';
import { generateOnWorkers } from './daily-workers.ts';
import { DailyRepository } from './daily.repository.ts';
import { DailyService } from './daily.service.ts';
import { FeedbackRepository } from './feedback.repository.ts';
import { FmRepository } from './fm.repository.ts';
import { FmService } from './fm.service.ts';
import { ModelStore } from './model-store.ts';
import { ModelRepository } from './model.repository.ts';
import { PlaylistRecsService } from './playlist-recs.service.ts';
import { PopularTracks } from './popular-tracks.ts';
import { dailyJob, trainJob } from './recommend.jobs.ts';
import { recommendRoutes } from './recommend.routes.ts';
import { RecommendationViews } from './recommendation-views.ts';
import { SimilarRepository } from './similar.repository.ts';
import { SimilarService } from './similar.service.ts';
import { tasteRoutes } from './taste.routes.ts';
import { TasteRepository } from './taste.repository.ts';
import { TasteService } from './taste.service.ts';
import { TrainingDataRepository } from './training-data.repository.ts';
import { Trainer, type TrainFunction } from './trainer.ts';
import { WhyService } from './why.service.ts';

export interface RecommendModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** the jobs 'recommend.train' and 'recommend.daily' are registered with it */
  scheduler: Pick<JobScheduler, 'register'>;
  /** which playlists a viewer may see ("more like this playlist" answers 404 for the others) */
  playlistAccess: Pick<PlaylistAccessRepository, 'findVisible'>;
  /** zone of the nightly training's 04:30; default: the server's own */
  trainTimeZone?: string;
  /** how often another instance's newer model is looked for; default 60 s */
  modelRecheckMs?: number;
  /** the trainer (default: the engine's worker thread) */
  train?: TrainFunction;
  /**
   * Where worker threads making daily lists connect (the daily job's big rounds run there); absent:
   * every list is made on the main thread.
   */
  databaseUrl?: string;
  /** worker threads for the daily job's big rounds; default: one per core */
  dailyWorkers?: number;
}

export interface RecommendModule {
  routes: FastifyPluginAsyncZod[];
  daily: DailyService;
  fm: FmService;
  similar: SimilarService;
  playlists: PlaylistRecsService;
  taste: TasteService;
  why: WhyService;
  trainer: Trainer;
  models: ModelStore;
  /** Aborts a training or a daily round under way (their worker threads end) and waits for model loads. */
  stop(): Promise<void>;
}

/** Recommendations: daily lists, Private FM, similar items, playlists; the nightly model. */
export function createRecommendModule(deps: RecommendModuleDeps): RecommendModule {
  const { db, clock, logger } = deps;
  const browse = new BrowseRepository(db);
  const tracks = new TrackLoader(browse);
  const feedback = new FeedbackRepository(db);
  const candidates = new CandidateRepository(db);
  const lists = new DailyRepository(db);
  const served = new FmRepository(db);
  const tasteRows = new TasteRepository(db);
  const similarRows = new SimilarRepository(db);
  const modelRows = new ModelRepository(db);

  const models = new ModelStore(modelRows, logger, { recheckMs: deps.modelRecheckMs });
  const pools = new CandidatePools(candidates, new PopularTracks(candidates, clock));
  const views = new RecommendationViews(tracks, tasteRows);
  const daily = new DailyService(
    lists,
    feedback,
    new DailyGenerator(pools, models),
    candidates,
    tasteRows,
    views,
    clock,
  );
  const fm = new FmService(feedback, served, pools, models, views, clock);
  const similar = new SimilarService(
    models,
    feedback,
    browse,
    candidates,
    similarRows,
    deps.playlistAccess,
    tracks,
  );
  const playlists = new PlaylistRecsService(similarRows, feedback, models, new PlaylistReadRepository(db));
  const taste = new TasteService(tasteRows, daily, clock);
  const why = new WhyService(daily, lists, served, views, clock);
  const trainer = new Trainer(
    new TrainingDataRepository(db),
    feedback,
    modelRows,
    models,
    clock,
    logger,
    deps.train,
  );

  const stopping = new AbortController();
  const zone = deps.trainTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  deps.scheduler.register(trainJob(trainer, zone, stopping.signal));
  const { databaseUrl } = deps;
  const workers = deps.dailyWorkers ?? availableParallelism();
  deps.scheduler.register(
    dailyJob({
      lists,
      daily,
      fm: served,
      onWorkers:
        databaseUrl && workers > 0
          ? (batches, now, signal) => generateOnWorkers({ databaseUrl, workers }, batches, now, signal)
          : undefined,
      signal: stopping.signal,
    }),
  );

  return {
    routes: [recommendRoutes({ daily, fm, similar, playlists, taste, why }), tasteRoutes({ taste })],
    daily,
    fm,
    similar,
    playlists,
    taste,
    why,
    trainer,
    models,
    stop: async () => {
      stopping.abort(new Error('the server is stopping'));
      await trainer.idle();
      await models.idle();
    },
  };
}
