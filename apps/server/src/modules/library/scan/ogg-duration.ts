import { open } from 'node:fs/promises';

/**
 * The length of an Ogg Vorbis or Opus file from its last page. Ogg stores the length nowhere
 * up front: a tag reader asked for it walks every page of the file (about 40 ms per MB here),
 * while the granule position of the last page, read from the file's tail, gives the same
 * number in one read.
 */

const crcTable = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let c = i << 24;
  for (let bit = 0; bit < 8; bit++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  crcTable[i] = c >>> 0;
}

/** The page checksum of Ogg (polynomial 0x04c11db7, initial 0, not reflected). */
export function oggCrc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = ((crc << 8) ^ crcTable[((crc >>> 24) ^ bytes[i]!) & 0xff]!) >>> 0;
  return crc;
}

const MAX_PAGE = 27 + 255 + 255 * 255;

function isCapture(buf: Uint8Array, p: number): boolean {
  return (
    buf[p] === 0x4f && buf[p + 1] === 0x67 && buf[p + 2] === 0x67 && buf[p + 3] === 0x53 && buf[p + 4] === 0
  );
}

/** Length in bytes of a complete, checksum-valid page at `p`, or 0. */
function pageLength(buf: Uint8Array, p: number): number {
  if (p + 27 > buf.length || !isCapture(buf, p)) return 0;
  const segments = buf[p + 26]!;
  const headerLength = 27 + segments;
  if (p + headerLength > buf.length) return 0;
  let bodyLength = 0;
  for (let i = 0; i < segments; i++) bodyLength += buf[p + 27 + i]!;
  const end = p + headerLength + bodyLength;
  if (end > buf.length) return 0;
  const view = new DataView(buf.buffer, buf.byteOffset + p);
  const stored = view.getUint32(22, true);
  const page = buf.slice(p, end);
  page.fill(0, 22, 26);
  return oggCrc(page) === stored ? end - p : 0;
}

/**
 * The granule position of the last complete page of logical stream `serial` in `tail`, or
 * null if there is none (a page with no finished packet has granule -1 and is skipped).
 */
export function lastGranule(tail: Uint8Array, serial: number): number | null {
  for (let p = tail.length - 27; p >= 0; p--) {
    if (!isCapture(tail, p) || pageLength(tail, p) === 0) continue;
    const view = new DataView(tail.buffer, tail.byteOffset + p);
    if (view.getUint32(14, true) !== serial) continue;
    const low = view.getUint32(6, true);
    const high = view.getUint32(10, true);
    if (low === 0xffffffff && high === 0xffffffff) continue;
    return high * 2 ** 32 + low;
  }
  return null;
}

function indexOf(buf: Uint8Array, text: string): number {
  const needle = Buffer.from(text, 'latin1');
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(needle);
}

/**
 * Seconds of audio in an Ogg Vorbis/Opus file, or null when the tail does not give a clean
 * answer (the caller then lets the tag reader walk the file).
 */
export async function oggDurationSeconds(filePath: string, size: number): Promise<number | null> {
  const handle = await open(filePath, 'r');
  try {
    const head = new Uint8Array(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    if (!isCapture(head, 0)) return null;
    const serial = new DataView(head.buffer).getUint32(14, true);

    let rate: number;
    let preSkip = 0;
    const opus = indexOf(head, 'OpusHead');
    const vorbis = indexOf(head, '\x01vorbis');
    if (opus >= 0 && opus + 12 <= head.length) {
      rate = 48_000; // Opus granules always count 48 kHz samples
      preSkip = head[opus + 10]! | (head[opus + 11]! << 8);
    } else if (vorbis >= 0 && vorbis + 16 <= head.length) {
      rate = new DataView(head.buffer).getUint32(vorbis + 12, true);
    } else {
      return null;
    }
    if (rate <= 0) return null;

    const tailLength = Math.min(size, 2 * MAX_PAGE);
    const tail = new Uint8Array(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const granule = lastGranule(tail, serial);
    if (granule === null) return null;
    const seconds = (granule - preSkip) / rate;
    return seconds > 0 && Number.isFinite(seconds) ? seconds : null;
  } finally {
    await handle.close();
  }
}
