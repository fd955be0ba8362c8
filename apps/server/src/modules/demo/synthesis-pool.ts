/**
 * Runs synthesis on worker threads. Rendering is CPU-bound, and on the main thread it would block the
 * event loop that streams PCM into the ffmpeg processes, leaving them idle; on workers, synthesis
 * of the next track overlaps with encoding of the previous ones. If workers cannot start (e.g. the
 * sources were bundled and the worker file is missing) everything still works in-thread, slower.
 */
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker, type FatalReply } from '../../platform/typescript-worker.ts';
import type { Composition } from './composer.ts';
import type { SynthesisJob, WorkerReply } from './synthesis-worker.ts';
import { synthesizeTrack, type SynthesizedTrack } from './synthesis.ts';

type StartupReply = WorkerReply | FatalReply;

async function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = startTypeScriptWorker(new URL('./synthesis-worker.ts', import.meta.url));
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
