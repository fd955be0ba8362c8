/**
 * Worker-thread side of `trainInWorker`: receives the training input, trains, and transfers the
 * serialised model back without copying it.
 */
import { parentPort } from 'node:worker_threads';
import { runThisThreadInBackground } from '../../../platform/typescript-worker.ts';
import { trainModel, type EngineConfigInput, type TrainInput } from './model.ts';
import { serializeModel } from './serialize.ts';

export interface TrainJob {
  readonly input: TrainInput;
  readonly config: EngineConfigInput;
}

export type TrainReply =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly model: ArrayBuffer }
  | { readonly type: 'failed'; readonly message: string };

const port = parentPort;
if (port) {
  runThisThreadInBackground();
  port.once('message', (job: TrainJob) => {
    try {
      const bytes = serializeModel(trainModel(job.input, job.config));
      const buffer = bytes.buffer as ArrayBuffer;
      port.postMessage({ type: 'done', model: buffer } satisfies TrainReply, [buffer]);
    } catch (error) {
      port.postMessage({
        type: 'failed',
        message: String((error as Error)?.stack ?? error),
      } satisfies TrainReply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies TrainReply);
}
