/**
 * Runs synthesis on worker threads. Rendering is CPU-bound, and on the main thread it would block the
 * event loop that streams PCM into the ffmpeg processes, leaving them idle; on workers, synthesis
 * of the next track overlaps with encoding of the previous ones. If workers cannot start (e.g. the
 * sources were bundled and the worker file is missing) everything still works in-thread, slower.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Composition } from './composer.ts';
import type { SynthesisJob, WorkerReply } from './synthesis-worker.ts';
import { synthesizeTrack, type SynthesizedTrack } from './synthesis.ts';

/**
 * Worker bootstrap (plain CommonJS, evaluated): workers do not inherit a loader registered with
 * tsx's `register()` (which is how bin/resonance.js runs the TypeScript sources), so each worker
 * registers tsx itself before importing the TypeScript worker module.
 */
const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
Promise.resolve()
  .then(() => import(workerData.tsxApi))
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((error) => parentPort.postMessage({ type: 'fatal', message: String((error && error.stack) || error) }));
`;

type StartupReply = WorkerReply | { readonly type: 'fatal'; readonly message: string };

/** URL of tsx's ESM API, found through the package's exports map (its CommonJS build can't register here). */
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

async function startWorker(): Promise<Worker> {
  const tsxApi = tsxEsmApiUrl();
  const entry = new URL('./synthesis-worker.ts', import.meta.url).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: { tsxApi, entry } });
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onExit);
    };
    const onFailure = (error: Error) => {
      cleanup();
      void worker.terminate();
      reject(error);
    };
    const onExit = (code: number) => onFailure(new Error(`synthesis worker exited with code ${code}`));
    const onMessage = (reply: StartupReply) => {
      if (reply.type === 'ready') {
        cleanup();
        resolve(worker);
      } else if (reply.type === 'fatal') {
        onFailure(new Error(reply.message));
      }
    };
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onExit);
  });
}

function runOnWorker(worker: Worker, job: SynthesisJob): Promise<SynthesizedTrack> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`synthesis worker exited with code ${code}`));
    const onMessage = (reply: WorkerReply) => {
      if (reply.type === 'done' && reply.id === job.id) {
        cleanup();
        resolve({ pcm: Buffer.from(reply.pcm), durationSec: reply.durationSec, cues: reply.cues });
      } else if (reply.type === 'failed' && reply.id === job.id) {
        onError(new Error(`synthesis failed: ${reply.message}`));
      }
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job);
  });
}

export class SynthesisPool {
  private readonly idle: Worker[];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private nextId = 0;

  private constructor(private readonly workers: readonly Worker[]) {
    this.idle = [...workers];
  }

  /** Starts up to `size` workers; with none available, synthesis runs in-thread. */
  static async start(size: number): Promise<SynthesisPool> {
    const attempts = await Promise.allSettled(Array.from({ length: Math.max(1, size) }, () => startWorker()));
    const workers = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    return new SynthesisPool(workers);
  }

  /** Whether synthesis really runs off the main thread (for diagnostics and tests). */
  get usesWorkers(): boolean {
    return this.workers.length > 0;
  }

  async synthesize(composition: Composition): Promise<SynthesizedTrack> {
    if (this.workers.length === 0) return synthesizeTrack(composition);
    const worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    try {
      return await runOnWorker(worker, { id: this.nextId++, composition });
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
