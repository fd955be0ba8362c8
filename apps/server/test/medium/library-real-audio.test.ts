import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryModule, type ScanSummary } from '../../src/modules/library/library.module.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { dataPaths, type DataPaths } from '../../src/platform/data-paths.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The CC-licensed recordings kept next to the repository (never inside it): real files from
 * real taggers, including an ID3v1-only MP3 that starts mid-stream.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const audioDir = path.resolve(repoRoot, '../shared/datasets/audio');
const available = existsSync(path.join(audioDir, 'tracks')) && existsSync(path.join(audioDir, 'formats'));
if (!available) console.warn(`library-real-audio: skipped, ${audioDir} is absent`);

// file → [title, first artist, seconds] (durations from the dataset's README)
const expected: Record<string, [string, string, number]> = {
  'tracks/Kevin_MacLeod_-_Vibe_Ace.ogg': ['Vibe Ace', 'Kevin MacLeod', 61.5],
  'tracks/Kevin_MacLeod_-_Dance_of_the_Sugar_Plum_Fairy.ogg': [
    'P. I. Tchaikovsky: Dance of the Sugar Plum Fairy',
    'Kevin MacLeod',
    119.9,
  ],
  'tracks/Karissa_Hobbs_-_Lets_Go_Fishin.ogg': ["Let's Go Fishin'", 'Karissa Hobbs', 133.0],
  'tracks/US_Army_Strings_-_Brahms_Hungarian_Dance_No5.ogg': [
    'Hungarian Dance No. 5',
    'The U.S. Army Strings',
    45.8,
  ],
  // no tags at all: the file name is the title
  'tracks/Mihai_Sorohan_-_solo-trumpet-06.ogg': ['Mihai_Sorohan_-_solo-trumpet-06', 'Unknown Artist', 5.3],
  'tracks/Brad_Sucks_-_Total_Breakdown.mp3': ['Total Breakdown', 'Brad Sucks', 139.0],
  'tracks/Kevin_MacLeod_-_Danse_Macabre_Finale.mp3': [
    'Camille Saint-Saëns: Danse Macabre - Finale',
    'Kevin MacLeod',
    21.6,
  ],
  // "Eugene Jaudas - violin ; Louis Atz - flute" names two performers
  'tracks/Edison_1903_-_Spring_of_Love.mp3': ['Spring of love', 'Eugene Jaudas - violin', 138.9],
  'formats/brahms_hd5.flac': ['Hungarian Dance No. 5 (string orchestra arr.)', 'US Army Strings', 45.8],
  'formats/brahms_hd5.opus': ['Hungarian Dance No. 5', 'The U.S. Army Strings', 45.8],
  'formats/brahms_hd5.m4a': ['Hungarian Dance No. 5 (string orchestra arr.)', 'US Army Strings', 45.8],
  'formats/brahms_hd5_cbr192_id3v24.mp3': [
    'Hungarian Dance No. 5 (string orchestra arr.)',
    'US Army Strings',
    45.8,
  ],
  'formats/brahms_hd5_vbr_v2_id3v23.mp3': [
    'Hungarian Dance No. 5 (string orchestra arr.)',
    'US Army Strings',
    45.8,
  ],
  'formats/brahms_hd5_mono22k.wav': [
    'Hungarian Dance No. 5 (string orchestra arr.)',
    'US Army Strings',
    45.8,
  ],
  // ID3v1 only (30-character fields), cut with dd: starts mid-stream
  'formats/Edison_1903_-_Spring_of_Love_tail_id3v1_only.mp3': [
    'Spring of love',
    'Eugene Jaudas - violin',
    4.2,
  ],
};

describe.skipIf(!available)('importing the real recordings', () => {
  let database: TestDatabase;
  let tmp: string;
  let paths: DataPaths;
  let summary: ScanSummary;

  const row = (file: string) =>
    database.db
      .selectFrom('tracks')
      .selectAll()
      .where('path', '=', path.join(audioDir, file))
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createTestDatabase();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'library-real-'));
    paths = dataPaths(tmp);
    const library = createLibraryModule({
      db: database.db,
      clock: systemClock,
      logger: createLogger('silent'),
      paths,
      musicDirs: [],
    });
    summary = await library.scans.importFolder(audioDir);
  }, 120_000);

  afterAll(async () => {
    await database?.drop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('imports every file without a failure', () => {
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ added: Object.keys(expected).length, failed: 0 });
  });

  it.each(Object.entries(expected))(
    '%s has its title, artist and duration',
    async (file, [title, artist, seconds]) => {
      const track = await row(file);
      expect(track.title).toBe(title);
      const first = await database.db
        .selectFrom('trackArtists')
        .innerJoin('artists', 'artists.id', 'trackArtists.artistId')
        .select('artists.name')
        .where('trackArtists.trackId', '=', track.id)
        .orderBy('trackArtists.position')
        .executeTakeFirstOrThrow();
      expect(first.name).toBe(artist);
      expect(Math.abs(track.durationMs / 1000 - seconds)).toBeLessThanOrEqual(0.5);
    },
  );

  it('reads the ReplayGain of Brad Sucks', async () => {
    const track = await row('tracks/Brad_Sucks_-_Total_Breakdown.mp3');
    expect(track.replaygainTrackGain).toBeCloseTo(-10.3, 1);
    expect(track).toMatchObject({ bitrate: 128, sampleRate: 44100, channels: 2, codec: 'mp3', year: 2008 });
  });

  it('extracts the embedded covers of Vibe Ace and Danse Macabre', async () => {
    for (const file of [
      'tracks/Kevin_MacLeod_-_Vibe_Ace.ogg',
      'tracks/Kevin_MacLeod_-_Danse_Macabre_Finale.mp3',
    ]) {
      const track = await row(file);
      expect(track.coverId, file).not.toBeNull();
      const cover = await database.db
        .selectFrom('covers')
        .selectAll()
        .where('id', '=', track.coverId!)
        .executeTakeFirstOrThrow();
      expect(cover.mime).toBe('image/jpeg');
      expect(cover.width).toBeGreaterThan(50);
      expect(existsSync(path.join(paths.covers, cover.id))).toBe(true);
    }
  });

  it('files each Opus and FLAC file under its real format', async () => {
    expect((await row('formats/brahms_hd5.opus')).format).toBe('opus');
    expect((await row('formats/brahms_hd5.flac')).format).toBe('flac');
    expect((await row('formats/brahms_hd5.m4a')).mime).toBe('audio/mp4');
  });
});
