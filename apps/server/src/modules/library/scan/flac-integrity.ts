import { open } from 'node:fs/promises';

/**
 * FLAC states its length up front (STREAMINFO), so a file cut off by a failed copy or download
 * still reports its full duration to a tag reader and would show a progress bar that runs past
 * the end. This check finds the last frame and verifies it: a complete file ends with a frame
 * whose CRC-16 matches and whose last sample is the stream's last.
 */

const crc8Table = new Uint8Array(256);
const crc16Table = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  let c8 = i;
  let c16 = i << 8;
  for (let bit = 0; bit < 8; bit++) {
    c8 = c8 & 0x80 ? ((c8 << 1) ^ 0x07) & 0xff : (c8 << 1) & 0xff;
    c16 = c16 & 0x8000 ? ((c16 << 1) ^ 0x8005) & 0xffff : (c16 << 1) & 0xffff;
  }
  crc8Table[i] = c8;
  crc16Table[i] = c16;
}

/** CRC-8 as FLAC frame headers use it (polynomial 0x07, initial 0). */
export function crc8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = crc8Table[crc ^ bytes[i]!]!;
  return crc;
}

/** CRC-16 as FLAC frames end with it (polynomial 0x8005, initial 0, not reflected). */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = ((crc << 8) & 0xffff) ^ crc16Table[(crc >> 8) ^ bytes[i]!]!;
  return crc;
}

interface StreamInfo {
  /** where the first metadata block header starts */
  audioStart: number;
  maxBlockSize: number;
  maxFrameSize: number;
  sampleRate: number;
  totalSamples: number;
}

function readStreamInfo(head: Uint8Array): StreamInfo | null {
  let offset = 0;
  // Some taggers put an ID3v2 tag in front of FLAC; its size is a 28-bit "syncsafe" integer.
  if (head[0] === 0x49 && head[1] === 0x44 && head[2] === 0x33 && head.length >= 10) {
    const size =
      ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    offset = 10 + size + (head[5]! & 0x10 ? 10 : 0);
  }
  const s = offset + 8;
  if (head.length < s + 18) return null;
  if (
    head[offset] !== 0x66 ||
    head[offset + 1] !== 0x4c ||
    head[offset + 2] !== 0x61 ||
    head[offset + 3] !== 0x43
  ) {
    return null;
  }
  if ((head[offset + 4]! & 0x7f) !== 0) return null;
  const maxBlockSize = (head[s + 2]! << 8) | head[s + 3]!;
  const maxFrameSize = (head[s + 7]! << 16) | (head[s + 8]! << 8) | head[s + 9]!;
  const sampleRate = (head[s + 10]! << 12) | (head[s + 11]! << 4) | (head[s + 12]! >> 4);
  const low = ((head[s + 14]! << 24) | (head[s + 15]! << 16) | (head[s + 16]! << 8) | head[s + 17]!) >>> 0;
  const totalSamples = (head[s + 13]! & 0x0f) * 2 ** 32 + low;
  return { audioStart: offset + 4, maxBlockSize, maxFrameSize, sampleRate, totalSamples };
}

/** Parses a frame header at `p`; returns the sample just after the frame, or null if not a header. */
function frameEnd(buf: Uint8Array, p: number, info: StreamInfo): number | null {
  if (p + 6 > buf.length) return null;
  const b2 = buf[p + 2]!;
  const b3 = buf[p + 3]!;
  const variable = (buf[p + 1]! & 0x01) === 1;
  const sizeCode = b2 >> 4;
  const rateCode = b2 & 0x0f;
  if (sizeCode === 0 || rateCode === 15 || b3 >> 4 >= 11 || ((b3 >> 1) & 7) === 3 || (b3 & 1) !== 0)
    return null;

  let i = p + 4;
  const first = buf[i]!;
  let extra: number;
  let number: number;
  if ((first & 0x80) === 0) [number, extra] = [first, 0];
  else if ((first & 0xe0) === 0xc0) [number, extra] = [first & 0x1f, 1];
  else if ((first & 0xf0) === 0xe0) [number, extra] = [first & 0x0f, 2];
  else if ((first & 0xf8) === 0xf0) [number, extra] = [first & 0x07, 3];
  else if ((first & 0xfc) === 0xf8) [number, extra] = [first & 0x03, 4];
  else if ((first & 0xfe) === 0xfc) [number, extra] = [first & 0x01, 5];
  else if (first === 0xfe) [number, extra] = [0, 6];
  else return null;
  i++;
  for (let k = 0; k < extra; k++, i++) {
    const c = buf[i];
    if (c === undefined || (c & 0xc0) !== 0x80) return null;
    number = number * 64 + (c & 0x3f);
  }

  let blockSize: number;
  if (sizeCode === 1) blockSize = 192;
  else if (sizeCode <= 5) blockSize = 576 << (sizeCode - 2);
  else if (sizeCode === 6) blockSize = (buf[i++] ?? 0) + 1;
  else if (sizeCode === 7) {
    blockSize = (((buf[i] ?? 0) << 8) | (buf[i + 1] ?? 0)) + 1;
    i += 2;
  } else blockSize = 256 << (sizeCode - 8);
  if (rateCode === 12) i += 1;
  else if (rateCode === 13 || rateCode === 14) i += 2;

  if (i >= buf.length || crc8(buf, p, i) !== buf[i]) return null;
  const firstSample = variable ? number : number * info.maxBlockSize;
  return firstSample + blockSize;
}

/** Bytes of trailing ID3v1 / APEv2 tags, which some taggers append to FLAC files. */
function trailingTagBytes(tail: Uint8Array): number {
  let end = tail.length;
  if (end >= 128 && tail[end - 128] === 0x54 && tail[end - 127] === 0x41 && tail[end - 126] === 0x47)
    end -= 128;
  const footer = end - 32;
  if (footer >= 0 && new TextDecoder().decode(tail.subarray(footer, footer + 8)) === 'APETAGEX') {
    const view = new DataView(tail.buffer, tail.byteOffset + footer);
    const size = view.getUint32(12, true);
    const hasHeader = (view.getUint32(20, true) & 0x80000000) !== 0;
    end -= size + (hasHeader ? 32 : 0);
  }
  return tail.length - Math.max(0, end);
}

const MAX_HEADER_CANDIDATES = 64;

/**
 * Returns why the FLAC file is incomplete, or null when it ends with its last frame intact
 * (or when the stream does not state its length, so there is nothing to check against).
 */
export async function flacTruncation(filePath: string, size: number): Promise<string | null> {
  const handle = await open(filePath, 'r');
  try {
    const head = new Uint8Array(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    const info = readStreamInfo(head);
    if (!info) return null;
    if (info.totalSamples === 0 || info.sampleRate === 0) return null;
    const window = Math.max(info.maxFrameSize, 64 * 1024) * 2 + 1024;
    const tailStart = Math.max(info.audioStart, size - Math.min(window, 4 * 1024 * 1024));
    const raw = new Uint8Array(size - tailStart);
    await handle.read(raw, 0, raw.length, tailStart);
    const tail = raw.subarray(0, raw.length - trailingTagBytes(raw));
    if (tail.length < 8) return 'the file is cut off (no audio frames)';
    const stored = (tail[tail.length - 2]! << 8) | tail[tail.length - 1]!;

    let candidates = 0;
    for (let p = tail.length - 8; p >= 0 && candidates < MAX_HEADER_CANDIDATES; p--) {
      if (tail[p] !== 0xff || (tail[p + 1]! & 0xfe) !== 0xf8) continue;
      const end = frameEnd(tail, p, info);
      if (end === null) continue;
      candidates++;
      if (crc16(tail, p, tail.length - 2) !== stored) continue;
      if (end >= info.totalSamples) return null;
      const at = (end / info.sampleRate).toFixed(1);
      const of = (info.totalSamples / info.sampleRate).toFixed(1);
      return `the file is cut off: audio ends at ${at} s of ${of} s`;
    }
    return 'the file is cut off (its last audio frame is incomplete)';
  } finally {
    await handle.close();
  }
}
