import { open } from 'node:fs/promises';

/**
 * Whether an .mp3 really holds MPEG audio. A tag reader looking for frames accepts the first
 * bytes that look like a frame header, so a file of random bytes is now and then "an MP3 of
 * 1 s". Real MPEG audio is a chain: each frame header says how long its frame is, and the next
 * header sits exactly there. Three linked frames do not happen by chance.
 */

const bitrates = {
  v1l1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const sampleRates: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

interface FrameHeader {
  /** version, layer and sample rate: the fields every frame of a stream shares */
  signature: number;
  length: number;
}

/** The frame header at `p`, or null. Free-format frames (bitrate index 0) are not followed. */
export function frameHeaderAt(buf: Uint8Array, p: number): FrameHeader | null {
  if (p + 4 > buf.length || buf[p] !== 0xff || (buf[p + 1]! & 0xe0) !== 0xe0) return null;
  const version = (buf[p + 1]! >> 3) & 3;
  const layer = (buf[p + 1]! >> 1) & 3;
  const bitrateIndex = buf[p + 2]! >> 4;
  const rateIndex = (buf[p + 2]! >> 2) & 3;
  const padding = (buf[p + 2]! >> 1) & 1;
  if (version === 1 || layer === 0 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const v1 = version === 3;
  const table =
    layer === 3
      ? v1
        ? bitrates.v1l1
        : bitrates.v2l1
      : layer === 2
        ? v1
          ? bitrates.v1l2
          : bitrates.v2l23
        : v1
          ? bitrates.v1l3
          : bitrates.v2l23;
  const bitrate = table[bitrateIndex]! * 1000;
  const sampleRate = sampleRates[version]![rateIndex]!;
  let length: number;
  if (layer === 3) length = (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
  else if (layer === 1 && !v1) length = Math.floor((72 * bitrate) / sampleRate) + padding;
  else length = Math.floor((144 * bitrate) / sampleRate) + padding;
  return { signature: (version << 4) | (layer << 2) | rateIndex, length };
}

const CHAIN = 3;

/** The offset where `CHAIN` linked frames start, or -1. */
export function findFrameChain(buf: Uint8Array, from = 0): number {
  for (let p = from; p + 4 <= buf.length; p++) {
    const first = frameHeaderAt(buf, p);
    if (!first) continue;
    let at = p + first.length;
    let linked = 1;
    while (linked < CHAIN) {
      const next = frameHeaderAt(buf, at);
      if (!next || next.signature !== first.signature) break;
      at += next.length;
      linked++;
    }
    if (linked === CHAIN) return p;
  }
  return -1;
}

/** The length of an ID3v2 tag starting at `probe` (its first 10 bytes), or 0 if there is none. */
function id3v2Length(probe: Uint8Array): number {
  if (probe.length < 10 || probe[0] !== 0x49 || probe[1] !== 0x44 || probe[2] !== 0x33) return 0;
  const size =
    ((probe[6]! & 0x7f) << 21) | ((probe[7]! & 0x7f) << 14) | ((probe[8]! & 0x7f) << 7) | (probe[9]! & 0x7f);
  return 10 + size + (probe[5]! & 0x10 ? 10 : 0);
}

const WINDOW = 64 * 1024;
const MAX_TAGS = 8;

/** True when the file's audio (after any ID3v2 tags) starts with linked MPEG frames. */
export async function hasMpegFrames(filePath: string, size: number): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    // Skip tags by their stated length: they can hold megabytes of cover art.
    let start = 0;
    const probe = new Uint8Array(10);
    for (let tags = 0; tags < MAX_TAGS && start + 10 <= size; tags++) {
      await handle.read(probe, 0, 10, start);
      const skip = id3v2Length(probe);
      if (skip === 0) break;
      start += skip;
    }
    if (start >= size) return false;
    const window = new Uint8Array(Math.min(WINDOW, size - start));
    await handle.read(window, 0, window.length, start);
    return findFrameChain(window) >= 0;
  } finally {
    await handle.close();
  }
}
