/**
 * Makes daily lists on worker threads (daily-worker.ts), for the daily job's big rounds: at 06:00
 * a whole time zone is due at once, tens of thousands of users, each costing a scoring of the
 * whole catalogue. The workers pull batches from one queue, so a slow batch never leaves a worker
 * idle; they start for the round and end with it (each holds its own copy of the model).
 */
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker, type FatalReply } from '../../platform/typescript-worker.ts';
import type { DailyWorkerReply, DailyWorkerRequest } from './daily-worker.ts';

export interface DailyBatch {
  readonly userIds: readonly string[];
  readonly day: string;
}

export interface DailyWorkerOptions {
  readonly databaseUrl: string;
  readonly workers: number;
}

/**
 * Lists made for `batches` at time `now`, on `workers` threads; rejects on the first failure, or
 * when `signal` aborts (shutdown): the workers end at once, lists already saved stay.
 */
export async function generateOnWorkers(
  options: DailyWorkerOptions,
  batches: readonly DailyBatch[],
  now: Date,
  signal?: AbortSignal,
): Promise<number> {
  signal?.throwIfAborted();
  const queue = [...batches];
  const workers: Worker[] = [];
  const stop = () => {
    queue.length = 0;
    for (const worker of workers) void worker.terminate();
  };
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const made = await Promise.all(
      Array.from({ length: Math.max(1, Math.min(options.workers, queue.length)) }, () => {
        const worker = startTypeScriptWorker(new URL('./daily-worker.ts', import.meta.url));
        workers.push(worker);
        return drain(worker, options.databaseUrl, queue, now);
      }),
    );
    return made.reduce((sum, n) => sum + n, 0);
  } catch (error) {
    signal?.throwIfAborted(); // a shutdown, not a failure of the lists
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Feeds one worker from the shared queue until it is empty; resolves with the lists it made. */
function drain(worker: Worker, databaseUrl: string, queue: DailyBatch[], now: Date): Promise<number> {
  return new Promise((resolve, reject) => {
    let made = 0;
    const send = (request: DailyWorkerRequest) => worker.postMessage(request);
    const next = () => {
      const batch = queue.shift();
      if (!batch) resolve(made);
      else send({ type: 'batch', userIds: batch.userIds, day: batch.day, now: now.getTime() });
    };
    worker.on('error', reject);
    worker.on('exit', (code: number) => reject(new Error(`daily worker exited with code ${code}`)));
    worker.on('message', (reply: DailyWorkerReply | FatalReply) => {
      if (reply.type === 'ready') {
        send({ type: 'init', databaseUrl });
        next();
      } else if (reply.type === 'made') {
        made += reply.made;
        next();
      } else {
        queue.length = 0; // the other workers stop after their current batch
        reject(new Error(`daily lists failed in a worker: ${reply.message}`));
      }
    });
  });
}
