/**
 * Worker-thread side of the daily job's pool (daily-workers.ts): a DailyService of its own, on its
 * own connections and its own copy of the newest model, making the lists of each batch of users it
 * is sent. Scoring is synchronous CPU work (the whole catalogue per user), so lists made here leave
 * the server's event loop free for requests, and several workers use several cores.
 */
import { parentPort } from 'node:worker_threads';
import { createDb } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { createLogger } from '../../platform/logger.ts';
import { runThisThreadInBackground } from '../../platform/typescript-worker.ts';
import { BrowseRepository } from '../library/browse/browse.repository.ts';
import { TrackLoader } from '../library/browse/track-loader.ts';
import { CandidatePools } from './candidate-pools.ts';
import { CandidateRepository } from './candidate.repository.ts';
import { DailyGenerator } from './daily-generator.ts';
import { DailyRepository } from './daily.repository.ts';
import { DailyService } from './daily.service.ts';
import { FeedbackRepository } from './feedback.repository.ts';
import { ModelStore } from './model-store.ts';
import { ModelRepository } from './model.repository.ts';
import { PopularTracks } from './popular-tracks.ts';
import { RecommendationViews } from './recommendation-views.ts';
import { TasteRepository } from './taste.repository.ts';

export type DailyWorkerRequest =
  | { readonly type: 'init'; readonly databaseUrl: string }
  | {
      readonly type: 'batch';
      readonly userIds: readonly string[];
      readonly day: string;
      readonly now: number;
    };

export type DailyWorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'made'; readonly made: number }
  | { readonly type: 'failed'; readonly message: string };

/** Connections per worker: a batch runs its eight feedback queries side by side. */
const POOL_SIZE = 4;

function dailyServiceOn(databaseUrl: string, clock: Clock): DailyService {
  const db = createDb(databaseUrl, POOL_SIZE);
  const candidates = new CandidateRepository(db);
  const tasteRows = new TasteRepository(db);
  const models = new ModelStore(new ModelRepository(db), createLogger('warn'));
  const pools = new CandidatePools(candidates, new PopularTracks(candidates, clock));
  return new DailyService(
    new DailyRepository(db),
    new FeedbackRepository(db),
    new DailyGenerator(pools, models),
    candidates,
    tasteRows,
    new RecommendationViews(new TrackLoader(new BrowseRepository(db)), tasteRows),
    clock,
  );
}

const port = parentPort;
if (port) {
  runThisThreadInBackground();
  // Every batch runs at the job's own time (its slot), not the worker's wall clock.
  let batchNow = new Date();
  const clock: Clock = { now: () => batchNow };
  let daily: DailyService | null = null;
  port.on('message', (request: DailyWorkerRequest) => {
    if (request.type === 'init') {
      daily = dailyServiceOn(request.databaseUrl, clock);
      return;
    }
    batchNow = new Date(request.now);
    daily!.generate(request.userIds, request.day).then(
      (made) => port.postMessage({ type: 'made', made } satisfies DailyWorkerReply),
      (error: unknown) =>
        port.postMessage({
          type: 'failed',
          message: String((error as Error)?.stack ?? error),
        } satisfies DailyWorkerReply),
    );
  });
  port.postMessage({ type: 'ready' } satisfies DailyWorkerReply);
}
