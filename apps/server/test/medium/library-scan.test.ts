import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  symlink,
  truncate,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/http/errors.ts';
import { createLibraryModule, type LibraryModule } from '../../src/modules/library/library.module.ts';
import { ScanLock } from '../../src/modules/library/scan/scan-lock.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { dataPaths, type DataPaths } from '../../src/platform/data-paths.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { aCoverImage, anAudioFile } from '../factories/library.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let tmp: string;
let music: string;
let paths: DataPaths;
let library: LibraryModule;
const changedBatches: string[][] = [];

const album = (...parts: string[]) => path.join(music, 'Alice', 'Album One', ...parts);
const various = (...parts: string[]) => path.join(music, 'Various', ...parts);
const broken = (...parts: string[]) => path.join(music, 'Broken', ...parts);

const SYNCED_LRC = '\ufeff[ar:Alice]\r\n[ti:First Song]\r\n[00:01.00]hello\r\n[00:02.00][00:00.50]again\r\n';
const ENGLISH_LRC = '[00:01.00]hello (en)\n[00:02.00]again (en)\n';
const CHINESE_LRC = '[00:01.00]你好\n[00:02.00]再来\n';

function newModule(): LibraryModule {
  return createLibraryModule({
    db: database.db,
    clock: systemClock,
    logger: createLogger('silent'),
    paths,
    musicDirs: [],
    onTracksChanged: async (ids) => {
      changedBatches.push(ids);
    },
  });
}

async function track(title: string) {
  const row = await database.db
    .selectFrom('tracks')
    .selectAll()
    .where('title', '=', title)
    .executeTakeFirst();
  if (!row) throw new Error(`no track "${title}"`);
  return row;
}

async function artistsOf(trackId: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom('trackArtists')
    .innerJoin('artists', 'artists.id', 'trackArtists.artistId')
    .select(['artists.name'])
    .where('trackArtists.trackId', '=', trackId)
    .orderBy('trackArtists.position')
    .execute();
  return rows.map((r) => r.name);
}

/** Noise from a fixed seed, so a failure can be replayed. */
function seededBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const countTracks = async () =>
  Number(
    (
      await database.db
        .selectFrom('tracks')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  database = await createTestDatabase();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'library-scan-'));
  music = path.join(tmp, 'music');
  paths = dataPaths(path.join(tmp, 'data'));

  const cover = await aCoverImage(album('cover.jpg'), { width: 400, height: 300 });
  const embeddedCover = await aCoverImage(path.join(tmp, 'embedded.png'), {
    width: 120,
    height: 90,
    format: 'png',
    color: '#3c3',
  });
  await anAudioFile()
    .titled('First Song')
    .by('Alice; Bob')
    .albumArtist('Alice')
    .onAlbum('Album One')
    .track(1, 2)
    .disc(1)
    .year(2020)
    .genre('Pop')
    .lasting(3)
    .as('mp3')
    .writeTo(album('01 First Song.mp3'));
  await writeFile(album('01 First Song.lrc'), SYNCED_LRC);
  await writeFile(album('01 First Song.en.lrc'), ENGLISH_LRC);
  await writeFile(album('01 First Song.zh-CN.lrc'), CHINESE_LRC);
  await anAudioFile()
    .titled('Second Song')
    .by('Alice')
    .albumArtist('Alice')
    .onAlbum('Album One')
    .track(2, 2)
    .lasting(4)
    .as('flac')
    .writeTo(album('02 Second Song.flac'));
  expect(cover).toBeTruthy();

  await anAudioFile()
    .titled('Embedded Art')
    .by('Carol')
    .onAlbum('Carol Sings')
    .lasting(2.5)
    .as('m4a')
    .withCover(embeddedCover)
    .writeTo(various('embedded.m4a'));
  await anAudioFile().titled('Opus Tone').by('Dave').lasting(2.5).as('opus').writeTo(various('tone.opus'));
  await anAudioFile().titled('Vorbis Tone').by('Dave').lasting(3.5).as('ogg').writeTo(various('tone.ogg'));
  await anAudioFile().lasting(2).as('wav').writeTo(various('untagged tone.wav'));
  await anAudioFile()
    .titled('Variable')
    .by('Eve')
    .lasting(5)
    .as('mp3')
    .encodedWith('-q:a', '2', '-write_xing', '0')
    .writeTo(various('vbr-no-xing.mp3'));
  await anAudioFile()
    .titled('Sung Along')
    .by('Eve')
    .lyrics('[00:00.50]embedded line one\n[00:01.50]embedded line two')
    .lasting(2)
    .as('flac')
    .writeTo(various('embedded-lyrics.flac'));

  await mkdir(broken(), { recursive: true });
  await writeFile(broken('random bytes.mp3'), seededBytes(20_000, 7));
  await writeFile(broken('empty.mp3'), '');
  await writeFile(broken('notes.mp3'), 'these are not the songs you are looking for\n');
  const cut = await anAudioFile()
    .titled('Cut Off')
    .by('Frank')
    .lasting(4)
    .as('flac')
    .writeTo(broken('cut.flac'));
  await truncate(cut, 20_000);

  // Never imported: hidden files and folders, symlinks (which could point anywhere), non-audio.
  await anAudioFile()
    .titled('Hidden')
    .by('Ghost')
    .lasting(1)
    .as('mp3')
    .writeTo(path.join(music, '.hidden', 'secret.mp3'));
  await anAudioFile().titled('Dotfile').by('Ghost').lasting(1).as('mp3').writeTo(various('._resource.mp3'));
  const outside = await anAudioFile()
    .titled('Outside')
    .by('Ghost')
    .lasting(1)
    .as('mp3')
    .writeTo(path.join(tmp, 'outside.mp3'));
  await symlink(outside, various('link.mp3'));
  await writeFile(various('readme.txt'), 'not music');

  library = newModule();
}, 120_000);

afterAll(async () => {
  await library?.stop();
  await database?.drop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('importing a folder', () => {
  let summary: Awaited<ReturnType<LibraryModule['scans']['importFolder']>>;
  const progress: { processed: number; total: number }[] = [];

  beforeAll(async () => {
    summary = await library.scans.importFolder(music, (p) =>
      progress.push({ processed: p.processed, total: p.total }),
    );
  }, 60_000);

  it('imports every playable file and reports each broken one by path', () => {
    expect(summary).toMatchObject({ added: 8, updated: 0, removed: 0, unchanged: 0, failed: 4, total: 12 });
    expect(summary.filesPerSecond).toBeGreaterThan(0);
    const failedPaths = summary.errors.map((e) => e.path).sort();
    expect(failedPaths).toEqual(
      [broken('cut.flac'), broken('empty.mp3'), broken('notes.mp3'), broken('random bytes.mp3')].sort(),
    );
    expect(summary.errors.find((e) => e.path === broken('cut.flac'))?.message).toMatch(/cut off/);
    expect(summary.errors.find((e) => e.path === broken('empty.mp3'))?.message).toMatch(/empty/);
  });

  it('records the run with its counts and errors', async () => {
    const run = await database.db
      .selectFrom('scanRuns')
      .selectAll()
      .orderBy('startedAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      status: 'completed',
      trigger: 'import',
      total: 12,
      processed: 12,
      added: 8,
      failed: 4,
    });
    expect(run.finishedAt).toBeInstanceOf(Date);
    expect(run.errors).toHaveLength(4);
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ processed: 12, total: 12 });
  });

  it('registers the folder by its real path', async () => {
    const folders = await database.db.selectFrom('libraryFolders').select('path').execute();
    expect(folders.map((f) => f.path)).toEqual([music]);
  });

  it('reads tags, several artists in order, the album and its album artist', async () => {
    const first = await track('First Song');
    expect(first).toMatchObject({
      trackNo: 1,
      trackTotal: 2,
      discNo: 1,
      year: 2020,
      genre: 'Pop',
      format: 'mp3',
    });
    expect(first).toMatchObject({
      mime: 'audio/mpeg',
      codec: 'mp3',
      sampleRate: 44100,
      channels: 1,
      bitrate: 64,
    });
    expect(await artistsOf(first.id)).toEqual(['Alice', 'Bob']);
    const second = await track('Second Song');
    expect(second.albumId).toBe(first.albumId);
    const albumRow = await database.db
      .selectFrom('albums')
      .innerJoin('artists', 'artists.id', 'albums.albumArtistId')
      .select(['albums.title', 'albums.year', 'artists.name'])
      .where('albums.id', '=', first.albumId!)
      .executeTakeFirstOrThrow();
    expect(albumRow).toEqual({ title: 'Album One', year: 2020, name: 'Alice' });
  });

  it('gets the duration of every format right', async () => {
    const expected: [string, number, string][] = [
      ['First Song', 3000, 'mp3'],
      ['Second Song', 4000, 'flac'],
      ['Embedded Art', 2500, 'm4a'],
      ['Opus Tone', 2500, 'opus'],
      ['Vorbis Tone', 3500, 'ogg'],
      ['untagged tone', 2000, 'wav'],
      ['Variable', 5000, 'mp3'],
      ['Sung Along', 2000, 'flac'],
    ];
    for (const [title, ms, format] of expected) {
      const row = await track(title);
      expect(row.format, title).toBe(format);
      expect(Math.abs(row.durationMs - ms), `${title}: ${row.durationMs} ms`).toBeLessThanOrEqual(200);
    }
  });

  it('falls back to the file name and "Unknown Artist" for an untagged file', async () => {
    const untagged = await track('untagged tone');
    expect(untagged.albumId).toBeNull();
    expect(await artistsOf(untagged.id)).toEqual(['Unknown Artist']);
  });

  it('stores the folder cover, content-addressed, for the tracks, the album and its artist', async () => {
    const bytes = await readFile(album('cover.jpg'));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const first = await track('First Song');
    expect(first.coverId).toBe(hash);
    expect((await track('Second Song')).coverId).toBe(hash);
    expect(await readFile(path.join(paths.covers, hash))).toEqual(bytes);
    const cover = await database.db
      .selectFrom('covers')
      .selectAll()
      .where('id', '=', hash)
      .executeTakeFirstOrThrow();
    expect(cover).toMatchObject({ mime: 'image/jpeg', width: 400, height: 300 });
    const albumRow = await database.db
      .selectFrom('albums')
      .select('coverId')
      .where('id', '=', first.albumId!)
      .executeTakeFirstOrThrow();
    expect(albumRow.coverId).toBe(hash);
    const alice = await database.db
      .selectFrom('artists')
      .select('coverId')
      .where('name', '=', 'Alice')
      .executeTakeFirstOrThrow();
    expect(alice.coverId).toBe(hash);
  });

  it('extracts an embedded cover after checking it decodes', async () => {
    const embedded = await track('Embedded Art');
    expect(embedded.coverId).toMatch(/^[0-9a-f]{64}$/);
    const cover = await database.db
      .selectFrom('covers')
      .selectAll()
      .where('id', '=', embedded.coverId!)
      .executeTakeFirstOrThrow();
    expect(cover).toMatchObject({ mime: 'image/png', width: 120, height: 90 });
    expect(existsSync(path.join(paths.covers, embedded.coverId!))).toBe(true);
    expect((await track('Opus Tone')).coverId).toBeNull();
  });

  it('reads sidecar lyrics with their translations', async () => {
    const first = await track('First Song');
    expect(first.hasLyrics).toBe(true);
    const lyrics = await database.db
      .selectFrom('lyrics')
      .selectAll()
      .where('trackId', '=', first.id)
      .orderBy('lang')
      .execute();
    expect(lyrics.map((l) => [l.lang, l.isTranslation, l.source, l.synced])).toEqual([
      ['', false, 'sidecar', true],
      ['en', true, 'sidecar', true],
      ['zh-CN', true, 'sidecar', true],
    ]);
    expect(lyrics[0]!.lines).toEqual([
      { timeMs: 500, text: 'again' },
      { timeMs: 1000, text: 'hello' },
      { timeMs: 2000, text: 'again' },
    ]);
    expect(lyrics[2]!.lines[0]).toEqual({ timeMs: 1000, text: '你好' });
  });

  it('reads embedded lyrics when there is no sidecar', async () => {
    const sung = await track('Sung Along');
    expect(sung.hasLyrics).toBe(true);
    const lyrics = await database.db
      .selectFrom('lyrics')
      .selectAll()
      .where('trackId', '=', sung.id)
      .execute();
    expect(lyrics).toHaveLength(1);
    expect(lyrics[0]).toMatchObject({ lang: '', source: 'embedded', synced: true });
    expect(lyrics[0]!.lines).toEqual([
      { timeMs: 500, text: 'embedded line one' },
      { timeMs: 1500, text: 'embedded line two' },
    ]);
    expect((await track('Opus Tone')).hasLyrics).toBe(false);
  });

  it('skips hidden files, hidden folders, symlinks and non-audio files', async () => {
    const titles = (await database.db.selectFrom('tracks').select('title').execute()).map((t) => t.title);
    expect(titles).not.toContain('Hidden');
    expect(titles).not.toContain('Dotfile');
    expect(titles).not.toContain('Outside');
    expect(titles).toHaveLength(8);
  });

  it('tells the search index which tracks were added', async () => {
    const ids = (await database.db.selectFrom('tracks').select('id').execute()).map((t) => t.id).sort();
    expect(changedBatches.at(-1)?.slice().sort()).toEqual(ids);
  });
});

describe('rescanning', () => {
  it('skips files whose size and mtime are unchanged', async () => {
    const before = await countTracks();
    const summary = await library.scans.scanAll('test');
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 8, failed: 4 });
    expect(await countTracks()).toBe(before);
  });

  it('updates a changed file in place, keeping its id', async () => {
    const before = await track('Second Song');
    await anAudioFile()
      .titled('Second Song (Remastered)')
      .by('Alice')
      .albumArtist('Alice')
      .onAlbum('Album One')
      .track(2, 2)
      .lasting(5)
      .as('flac')
      .writeTo(album('02 Second Song.flac'));
    const touched = await track('Opus Tone');
    const later = new Date(Date.now() + 60_000);
    await utimes(various('tone.opus'), later, later);

    const summary = await library.scans.scanAll('test');
    expect(summary).toMatchObject({ added: 0, updated: 2, removed: 0, unchanged: 6 });
    const after = await track('Second Song (Remastered)');
    expect(after.id).toBe(before.id);
    expect(Math.abs(after.durationMs - 5000)).toBeLessThanOrEqual(200);
    expect((await track('Opus Tone')).id).toBe(touched.id);
    expect(changedBatches.at(-1)?.slice().sort()).toEqual([before.id, touched.id].sort());
  });

  it('removes tracks whose files are gone, and albums and artists left without tracks', async () => {
    const carol = await track('Embedded Art');
    await unlink(various('embedded.m4a'));
    const summary = await library.scans.scanAll('test');
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 1 });
    expect(
      await database.db.selectFrom('tracks').select('id').where('id', '=', carol.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await database.db.selectFrom('albums').select('id').where('id', '=', carol.albumId!).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await database.db.selectFrom('artists').select('id').where('name', '=', 'Carol').executeTakeFirst(),
    ).toBeUndefined();
    // Alice still has tracks: she stays.
    expect(
      await database.db.selectFrom('artists').select('id').where('name', '=', 'Alice').executeTakeFirst(),
    ).toBeDefined();
  });

  it('picks up lyrics added next to a file that did not change', async () => {
    const before = await track('Vorbis Tone');
    expect(before.hasLyrics).toBe(false);
    await writeFile(various('tone.lrc'), '[00:01.00]now with words\n');
    const summary = await library.scans.scanAll('test');
    expect(summary.added).toBe(0);
    expect(summary.updated).toBeGreaterThanOrEqual(1);
    const after = await track('Vorbis Tone');
    expect(after.id).toBe(before.id);
    expect(after.hasLyrics).toBe(true);
    // and the next scan has nothing left to do
    expect((await library.scans.scanAll('test')).updated).toBe(0);
  });

  it('keeps the tracks of a folder that is missing on disk (an unplugged drive)', async () => {
    const drive = path.join(tmp, 'usb-drive');
    await anAudioFile()
      .titled('On The Drive')
      .by('Hal')
      .lasting(1)
      .as('mp3')
      .writeTo(path.join(drive, 'song.mp3'));
    expect((await library.scans.importFolder(drive)).added).toBe(1);

    await rename(drive, `${drive}-unplugged`);
    const summary = await library.scans.scanAll('test');
    expect(summary.removed).toBe(0);
    expect(summary.errors).toContainEqual({ path: drive, message: expect.stringMatching(/missing/) });
    expect((await track('On The Drive')).path).toBe(path.join(drive, 'song.mp3'));

    await rename(`${drive}-unplugged`, drive);
    expect((await library.scans.scanAll('test')).unchanged).toBeGreaterThan(0);
    expect((await track('On The Drive')).path).toBe(path.join(drive, 'song.mp3'));
  });

  it('folds a folder inside a library folder into it, and absorbs folders inside a new one', async () => {
    const foldersBefore = await database.db.selectFrom('libraryFolders').select('path').execute();
    const inner = await library.scans.importFolder(various());
    expect(inner).toMatchObject({ added: 0, removed: 0 });
    expect(await database.db.selectFrom('libraryFolders').select('path').execute()).toEqual(foldersBefore);

    const tracksBefore = await countTracks();
    const outer = await library.scans.importFolder(tmp);
    expect(outer.added).toBe(0 + 1); // tmp/outside.mp3, which was only reachable by symlink before
    expect(outer.removed).toBe(0);
    expect(await countTracks()).toBe(tracksBefore + 1);
    const folders = await database.db.selectFrom('libraryFolders').select('path').execute();
    expect(folders.map((f) => f.path)).toEqual([tmp]);
  });
});

describe('refusals', () => {
  it('refuses a path that is not a folder', async () => {
    await expect(library.scans.importFolder(path.join(tmp, 'nope'))).rejects.toMatchObject({
      statusCode: 400,
      code: 'folder_not_found',
    });
    await expect(library.scans.importFolder(path.join(tmp, 'outside.mp3'))).rejects.toMatchObject({
      statusCode: 400,
      code: 'not_a_folder',
    });
  });

  it('runs one scan at a time: a second one is told clearly', async () => {
    const held = await new ScanLock(database.db).tryAcquire();
    expect(held).not.toBeNull();
    try {
      const attempt = newModule().scans.scanAll('cli');
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ statusCode: 409, code: 'scan_in_progress' });
    } finally {
      await held!.release();
    }
  });

  it('lets exactly one of two simultaneous scans run', async () => {
    const results = await Promise.allSettled([
      newModule().scans.scanAll('a'),
      newModule().scans.scanAll('b'),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: 'scan_in_progress' });
    // and the lock is free again afterwards
    expect((await library.scans.scanAll('after')).added).toBe(0);
  });
});
