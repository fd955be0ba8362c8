import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../platform/ffmpeg.ts';
import { generateDemoLibrary, type DemoTrackInfo } from './demo-library.ts';
import { oggCrc } from './vorbis-comments.ts';

/** Checks every Ogg page checksum, including the OpusTags page rewritten for extra artists. */
function oggPagesValid(file: Buffer): boolean {
  let offset = 0;
  while (offset < file.length) {
    if (file.subarray(offset, offset + 4).toString('latin1') !== 'OggS') return false;
    const segments = file[offset + 26]!;
    let size = 27 + segments;
    for (let i = 0; i < segments; i++) size += file[offset + 27 + i]!;
    const page = Buffer.from(file.subarray(offset, offset + size));
    const stored = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    if (oggCrc(page) !== stored) return false;
    offset += size;
  }
  return true;
}

describe('generateDemoLibrary', () => {
  let dir: string;
  let tracks: DemoTrackInfo[];
  const progress: number[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'resonance-demo-'));
    tracks = await generateDemoLibrary(dir, {
      ffmpegPath: ffmpegPath(),
      durationScale: 0.1,
      limit: 6,
      onProgress: (done) => progress.push(done),
    });
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('generates the requested tracks in all three formats, with progress reports', () => {
    expect(tracks).toHaveLength(6);
    expect(new Set(tracks.map((track) => track.format))).toEqual(new Set(['opus', 'mp3', 'flac']));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    for (const track of tracks) {
      expect(path.relative(dir, track.path).split(path.sep)).toHaveLength(3);
      expect(path.basename(track.path)).toMatch(/^\d{2} - .+\.(opus|mp3|flac)$/);
      expect(path.extname(track.path)).toBe(`.${track.format}`);
    }
  });

  it('writes tags that music-metadata reads back, including several artists', async () => {
    for (const track of tracks) {
      // `duration: true` makes music-metadata scan Ogg files to the end for their length.
      const { common, format } = await parseFile(track.path, { duration: true });
      expect(common.title).toBe(track.title);
      expect(common.artists).toEqual(track.artists);
      expect(common.album).toBe(track.album);
      expect(common.albumartist).toBe(track.albumArtist);
      expect(common.track.no).toBe(track.trackNo);
      expect(common.track.of).toBeGreaterThanOrEqual(3);
      expect(common.disk.no).toBe(1);
      expect(common.year).toBe(track.year);
      expect(common.genre).toEqual([track.genre]);
      expect(format.duration).toBeDefined();
      expect(Math.abs(format.duration! - track.durationSec)).toBeLessThan(1);
      expect(track.durationSec).toBeGreaterThan(3);
    }
    const multiArtist = tracks.filter((track) => track.artists.length > 1);
    expect(new Set(multiArtist.map((track) => track.format))).toEqual(new Set(['opus', 'mp3', 'flac']));
  });

  it('embeds cover art in MP3 and FLAC files', async () => {
    for (const track of tracks.filter((t) => t.format !== 'opus')) {
      const { common } = await parseFile(track.path);
      expect(common.picture?.[0]?.format).toBe('image/jpeg');
    }
  });

  it('keeps Ogg page checksums valid after adding artists', async () => {
    for (const track of tracks.filter((t) => t.format === 'opus')) {
      expect(oggPagesValid(await readFile(track.path))).toBe(true);
    }
  });

  it('writes a JPEG cover.jpg into every album folder', async () => {
    for (const track of tracks) {
      const cover = await readFile(path.join(path.dirname(track.path), 'cover.jpg'));
      expect([...cover.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }
  });

  it('writes LRC sidecars, translations, or lyrics embedded in the tags', async () => {
    let translations = 0;
    let embedded = 0;
    for (const track of tracks) {
      const base = track.path.slice(0, -path.extname(track.path).length);
      const lrcPath = `${base}.lrc`;
      if (existsSync(lrcPath)) {
        const lrc = await readFile(lrcPath, 'utf8');
        expect(lrc).toMatch(/^\[\d{2}:\d{2}\.\d{2}\].+$/m);
      } else {
        const { common } = await parseFile(track.path);
        expect(common.lyrics?.[0]?.syncText.length).toBeGreaterThan(0);
        embedded++;
      }
      const siblings = await readdir(path.dirname(track.path));
      const translated = siblings.filter(
        (name) => name.startsWith(path.basename(base)) && /\.(en|zh-CN)\.lrc$/.test(name),
      );
      expect(translated.length > 0).toBe(track.hasTranslation);
      if (translated.length > 0) {
        const original = await readFile(lrcPath, 'utf8');
        const translation = await readFile(path.join(path.dirname(track.path), translated[0]!), 'utf8');
        const stamps = (text: string) => text.match(/^\[\d{2}:\d{2}\.\d{2}\]/gm);
        expect(stamps(translation)).toEqual(stamps(original));
        translations++;
      }
    }
    expect(translations).toBeGreaterThanOrEqual(1);
    expect(embedded).toBeGreaterThanOrEqual(1);
  });
});
