/**
 * Training off the main thread. A nightly rebuild takes seconds of solid CPU (EASE's inverse, the
 * ALS sweeps); on the main thread that would stall every request meanwhile, so the server trains in
 * a worker thread and gets the finished model back as bytes (see serialize.ts).
 */
import { startTypeScriptWorker, type FatalReply } from '../../../platform/typescript-worker.ts';
import type { EngineConfigInput, RecModel, TrainInput } from './model.ts';
import { loadModel } from './serialize.ts';
import type { TrainJob, TrainReply } from './train-worker.ts';

type Reply = TrainReply | FatalReply;

export interface WorkerOptions {
  /** Aborting terminates the worker and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * Move the interaction matrix's buffers to the worker instead of copying them (hundreds of MB
   * at scale, copied on the event loop); the caller's matrix is left empty.
   */
  readonly transferInput?: boolean;
}

/** Trains exactly what `trainModel(input, config)` trains, on a worker thread. */
export async function trainInWorker(
  input: TrainInput,
  config: EngineConfigInput = {},
  options: WorkerOptions = {},
): Promise<RecModel> {
  const { signal } = options;
  signal?.throwIfAborted();
  const worker = startTypeScriptWorker(new URL('./train-worker.ts', import.meta.url));
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
        const { indptr, indices, values } = input.interactions;
        const transfer = options.transferInput
          ? [...new Set([indptr.buffer, indices.buffer, values.buffer])]
          : [];
        worker.postMessage({ input, config } satisfies TrainJob, transfer as ArrayBuffer[]);
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
