/**
 * Writes small, valid MP3 files with distinct ID3v2.3 tags without spawning ffmpeg per file:
 * one encoded MP3 body (made once with ffmpeg) is prefixed with a hand-built tag. That makes a
 * 2,000-file library in a second, so the import benchmark measures the scanner, not the setup.
 */
function frame(id: string, text: string): Buffer {
  const body = Buffer.concat([
    Buffer.from([0x01]),
    Buffer.from('\ufeff', 'utf16le'),
    Buffer.from(text, 'utf16le'),
  ]);
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

function syncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

export interface FixtureTags {
  title: string;
  artist: string;
  album: string;
  track: number;
  year: number;
  genre: string;
}

export function id3Tag(tags: FixtureTags): Buffer {
  const frames = Buffer.concat([
    frame('TIT2', tags.title),
    frame('TPE1', tags.artist),
    frame('TPE2', tags.artist),
    frame('TALB', tags.album),
    frame('TRCK', String(tags.track)),
    frame('TYER', String(tags.year)),
    frame('TCON', tags.genre),
  ]);
  const header = Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0]), syncsafe(frames.length)]);
  return Buffer.concat([header, frames]);
}
