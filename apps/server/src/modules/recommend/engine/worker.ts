/**
 * Training off the main thread. A nightly rebuild takes seconds of solid CPU (EASE's inverse, the
 * ALS sweeps); on the main thread that would stall every request meanwhile, so the server trains in
 * a worker thread and gets the finished model back as bytes (see serialize.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineConfigInput, RecModel, TrainInput } from './model.ts';
import { loadModel } from './serialize.ts';
import type { TrainJob, TrainReply } from './train-worker.ts';

/**
 * Worker bootstrap (plain CommonJS, evaluated), as in demo/synthesis-pool.ts: workers do not
 * inherit a loader registered with tsx's `register()`, so the worker registers tsx itself before
 * importing the TypeScript entry.
 */
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
Promise.resolve()
  .then(() => import(workerData.tsxApi))
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((error) => parentPort.postMessage({ type: 'fatal', message: String((error && error.stack) || error) }));
`;

type Reply = TrainReply | { readonly type: 'fatal'; readonly message: string };

/** URL of tsx's ESM API, found through the package's exports map. */
function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require('tsx/package.json') as {
    exports: Record<string, { import?: { default?: string } } | undefined>;
  };
  const target = manifest.exports['./esm/api']?.import?.default;
  if (!target) throw new Error('tsx does not export an ESM API');
  return pathToFileURL(path.join(path.dirname(manifestPath), target)).href;
}

export interface WorkerOptions {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Trains exactly what `trainModel(input, config)` trains, on a worker thread. */
export async function trainInWorker(
  input: TrainInput,
  config: EngineConfigInput = {},
  options: WorkerOptions = {},
): Promise<RecModel> {
  const { signal } = options;
  signal?.throwIfAborted();
  const entry = new URL('./train-worker.ts', import.meta.url).href;
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    execArgv: [],
    workerData: { tsxApi: tsxEsmApiUrl(), entry },
  });
  return new Promise<RecModel>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, model?: RecModel) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(model!);
    };
    const onAbort = () =>
      finish(signal?.reason instanceof Error ? signal.reason : new Error('training aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('error', (error: Error) => finish(error));
    worker.on('exit', (code: number) => finish(new Error(`training worker exited with code ${code}`)));
    worker.on('message', (reply: Reply) => {
      if (reply.type === 'ready') {
        worker.postMessage({ input, config } satisfies TrainJob);
      } else if (reply.type === 'done') {
        try {
          finish(null, loadModel(new Uint8Array(reply.model)));
        } catch (error) {
          finish(error as Error);
        }
      } else {
        finish(new Error(`training failed in the worker: ${reply.message}`));
      }
    });
  });
}
