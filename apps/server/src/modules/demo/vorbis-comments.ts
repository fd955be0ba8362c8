/**
 * Adds Vorbis comments to a finished FLAC or Ogg Opus file. ffmpeg's `-metadata` keeps one value
 * per key, but several artists belong in repeated ARTIST comments (that is how Vorbis comments do
 * multiple values, and how music-metadata reports them as separate `artists`), so the encoder writes
 * the first artist and this module appends the rest.
 */
import { readFile, writeFile } from 'node:fs/promises';

export type VorbisComment = readonly [key: string, value: string];

/** Appends comments to a Vorbis comment body (vendor string, count, entries, then any trailing data). */
export function appendToCommentBody(body: Buffer, comments: readonly VorbisComment[]): Buffer {
  const vendorLength = body.readUInt32LE(0);
  const countOffset = 4 + vendorLength;
  const count = body.readUInt32LE(countOffset);
  let end = countOffset + 4;
  for (let i = 0; i < count; i++) end += 4 + body.readUInt32LE(end);
  const added = comments.map(([key, value]) => {
    const text = Buffer.from(`${key}=${value}`, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(text.length);
    return Buffer.concat([length, text]);
  });
  const newCount = Buffer.alloc(4);
  newCount.writeUInt32LE(count + comments.length);
  return Buffer.concat([
    body.subarray(0, countOffset),
    newCount,
    body.subarray(countOffset + 4, end),
    ...added,
    body.subarray(end),
  ]);
}

/** FLAC: rewrite the VORBIS_COMMENT metadata block (type 4) in place of the old one. */
function appendToFlac(file: Buffer, comments: readonly VorbisComment[]): Buffer {
  let offset = 4;
  for (;;) {
    if (offset + 4 > file.length) throw new Error('FLAC file has no Vorbis comment block');
    const header = file[offset]!;
    const type = header & 0x7f;
    const length = file.readUIntBE(offset + 1, 3);
    if (type === 4) {
      const body = appendToCommentBody(file.subarray(offset + 4, offset + 4 + length), comments);
      if (body.length >= 1 << 24) throw new Error('Vorbis comment block too large for FLAC');
      const newHeader = Buffer.alloc(4);
      newHeader[0] = header;
      newHeader.writeUIntBE(body.length, 1, 3);
      return Buffer.concat([file.subarray(0, offset), newHeader, body, file.subarray(offset + 4 + length)]);
    }
    if (header & 0x80) throw new Error('FLAC file has no Vorbis comment block');
    offset += 4 + length;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's page checksum: CRC-32, polynomial 0x04c11db7, not reflected, zero initial value. */
export function oggCrc(page: Buffer): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

/**
 * Ogg Opus: the OpusTags packet is the second page of the stream (ffmpeg always gives it a page of
 * its own). Rebuild that page with the longer packet and a new checksum; later pages keep their
 * sequence numbers, so nothing else changes.
 */
function appendToOpus(file: Buffer, comments: readonly VorbisComment[]): Buffer {
  const firstPageEnd = oggPageEnd(file, 0);
  const start = firstPageEnd;
  const end = oggPageEnd(file, start);
  const segments = file[start + 26]!;
  const table = file.subarray(start + 27, start + 27 + segments);
  if ((file[start + 5]! & 0x01) !== 0 || table[table.length - 1] === 255) {
    throw new Error('OpusTags packet spans several Ogg pages; not supported');
  }
  const packet = file.subarray(start + 27 + segments, end);
  if (packet.subarray(0, 8).toString('latin1') !== 'OpusTags')
    throw new Error('Second Ogg page is not OpusTags');
  const newPacket = Buffer.concat([packet.subarray(0, 8), appendToCommentBody(packet.subarray(8), comments)]);
  const lacing: number[] = [];
  for (let left = newPacket.length; ; left -= 255) {
    lacing.push(Math.min(255, left));
    if (left < 255) break;
  }
  if (lacing.length > 255) throw new Error('OpusTags packet too large for one Ogg page');
  const header = Buffer.from(file.subarray(start, start + 27));
  header[26] = lacing.length;
  header.writeUInt32LE(0, 22);
  const page = Buffer.concat([header, Buffer.from(lacing), newPacket]);
  page.writeUInt32LE(oggCrc(page), 22);
  return Buffer.concat([file.subarray(0, start), page, file.subarray(end)]);
}

function oggPageEnd(file: Buffer, start: number): number {
  if (file.subarray(start, start + 4).toString('latin1') !== 'OggS') throw new Error('Not an Ogg page');
  const segments = file[start + 26]!;
  let size = 0;
  for (let i = 0; i < segments; i++) size += file[start + 27 + i]!;
  return start + 27 + segments + size;
}

/** Appends Vorbis comments to a FLAC or Ogg Opus file, detected by its magic bytes. */
export async function appendVorbisComments(
  filePath: string,
  comments: readonly VorbisComment[],
): Promise<void> {
  if (comments.length === 0) return;
  const file = await readFile(filePath);
  const magic = file.subarray(0, 4).toString('latin1');
  if (magic === 'fLaC') await writeFile(filePath, appendToFlac(file, comments));
  else if (magic === 'OggS') await writeFile(filePath, appendToOpus(file, comments));
  else throw new Error(`Cannot add Vorbis comments to ${filePath}: not FLAC or Ogg`);
}
