import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { ffmpegPath } from '../../platform/ffmpeg.ts';

export type AudioFormat = 'opus' | 'mp3';

export interface TranscodeProfile {
  format: AudioFormat;
  bitrateKbps: number;
  extension: string;
  mime: string;
}

/** libopus refuses more than 256 kb/s per channel, and mono sources are common. */
const OPUS_MAX_KBPS = 256;

export function transcodeProfile(format: AudioFormat, bitrateKbps: number): TranscodeProfile {
  return format === 'opus'
    ? { format, bitrateKbps: Math.min(bitrateKbps, OPUS_MAX_KBPS), extension: 'opus', mime: 'audio/ogg' }
    : { format, bitrateKbps, extension: 'mp3', mime: 'audio/mpeg' };
}

/** The source could not be decoded or encoded: a property of the file, not a server fault. */
export class TranscodeError extends Error {
  override name = 'TranscodeError';
}

/** Told the total bytes flushed to the target so far, so readers can follow a growing file. */
export type ProgressListener = (bytesWritten: number) => void;

export interface Transcoder {
  /** Writes `source` re-encoded per `profile` to `target`; rejects with TranscodeError on bad input. */
  transcode(
    source: string,
    target: string,
    profile: TranscodeProfile,
    onProgress?: ProgressListener,
  ): Promise<void>;
}

/**
 * The encoded audio goes to stdout, so we know exactly how much of the target is written.
 * Both formats are fine without a seekable output: Ogg never seeks back, and MP3 here is
 * constant bitrate, so players need no Xing table of contents to seek in it.
 */
export function ffmpegArguments(source: string, profile: TranscodeProfile): string[] {
  const codec =
    profile.format === 'opus'
      ? ['-c:a', 'libopus', '-b:a', `${profile.bitrateKbps}k`, '-vbr', 'on', '-f', 'ogg']
      : ['-c:a', 'libmp3lame', '-b:a', `${profile.bitrateKbps}k`, '-f', 'mp3'];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-y',
    // Local files only: a crafted playlist-like file must not make ffmpeg fetch URLs.
    '-protocol_whitelist',
    'file',
    '-i',
    `file:${source}`,
    // First audio stream only, no cover art, no tags: the client has the metadata already.
    '-map',
    '0:a:0',
    '-map_metadata',
    '-1',
    '-vn',
    ...codec,
    'pipe:1',
  ];
}

export interface FfmpegTranscoderOptions {
  /** ffmpeg processes allowed at once; more requests wait their turn */
  maxConcurrent?: number;
  /** a stuck ffmpeg is killed after this long */
  timeoutMs?: number;
  binary?: string;
}

const STDERR_TAIL = 2000;

/** Runs ffmpeg, at most `maxConcurrent` at a time so transcodes cannot starve the API of CPU. */
export class FfmpegTranscoder implements Transcoder {
  private readonly maxConcurrent: number;
  private readonly timeoutMs: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: FfmpegTranscoderOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? Math.max(1, availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
  }

  async transcode(
    source: string,
    target: string,
    profile: TranscodeProfile,
    onProgress?: ProgressListener,
  ): Promise<void> {
    await this.acquire();
    try {
      const written = await this.run(ffmpegArguments(source, profile), target, onProgress);
      if (written === 0) throw new TranscodeError('ffmpeg produced no audio');
    } finally {
      this.release();
    }
  }

  /** Runs ffmpeg, copying its stdout into `target`; resolves with the bytes written. */
  private async run(args: string[], target: string, onProgress?: ProgressListener): Promise<number> {
    const output = await open(target, 'w');
    const child = spawn(this.options.binary ?? ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), this.timeoutMs);
    const exited = new Promise<void>((resolve, reject) => {
      // Failing to start ffmpeg at all is our fault (a 500), unlike a file it cannot read.
      child.once('error', reject);
      child.once('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(new TranscodeError(`ffmpeg failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
      });
    });
    // Not awaited yet: keep an early rejection from being reported as unhandled.
    exited.catch(() => undefined);
    let written = 0;
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        // A write may be partial; readers are only told about bytes that are really there.
        for (let offset = 0; offset < chunk.length;) {
          offset += (await output.write(chunk, offset, chunk.length - offset)).bytesWritten;
        }
        written += chunk.length;
        onProgress?.(written);
      }
      await exited;
      return written;
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    } finally {
      clearTimeout(timer);
      await output.close();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running += 1;
      return;
    }
    // The releasing caller hands its slot over directly, so the count stays exact.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
