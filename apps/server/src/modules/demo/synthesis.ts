/** One track from composition to PCM: arrange, render, convert. Runs in a worker or in-thread. */
import { arrange, type LyricCue } from './arranger.ts';
import type { Composition } from './composer.ts';
import { renderComposition, toPcm16 } from './renderer.ts';

export interface SynthesizedTrack {
  /** Interleaved stereo s16le PCM. */
  readonly pcm: Buffer;
  readonly durationSec: number;
  /** Where the lyric lines go (from the same arrangement the audio was rendered from). */
  readonly cues: LyricCue[];
}

export function synthesizeTrack(composition: Composition): SynthesizedTrack {
  const arrangement = arrange(composition);
  const audio = renderComposition(composition, arrangement);
  return {
    pcm: toPcm16(audio),
    durationSec: audio.left.length / audio.sampleRate,
    cues: arrangement.cues,
  };
}
