/**
 * Worker-thread side of the synthesis pool: renders compositions sent by synthesis-pool.ts and
 * transfers the PCM back without copying.
 */
import { parentPort } from 'node:worker_threads';
import type { Composition } from './composer.ts';
import { synthesizeTrack } from './synthesis.ts';

export interface SynthesisJob {
  readonly id: number;
  readonly composition: Composition;
}

export type WorkerReply =
  | { readonly type: 'ready' }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly pcm: ArrayBuffer;
      readonly durationSec: number;
      readonly cues: SynthesisResultCues;
    }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

type SynthesisResultCues = ReturnType<typeof synthesizeTrack>['cues'];

const port = parentPort;
if (port) {
  port.on('message', (job: SynthesisJob) => {
    try {
      const { pcm, durationSec, cues } = synthesizeTrack(job.composition);
      const buffer = pcm.buffer as ArrayBuffer;
      const reply: WorkerReply = { type: 'done', id: job.id, pcm: buffer, durationSec, cues };
      port.postMessage(reply, [buffer]);
    } catch (error) {
      const reply: WorkerReply = {
        type: 'failed',
        id: job.id,
        message: String((error as Error)?.stack ?? error),
      };
      port.postMessage(reply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
