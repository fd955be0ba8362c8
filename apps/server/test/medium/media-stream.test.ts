import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { parseBuffer } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import type { SessionResolver } from '../../src/http/auth-context.ts';
import { createMediaModule, type MediaModule } from '../../src/modules/media/media.module.ts';
import { FfmpegTranscoder, type Transcoder } from '../../src/modules/media/transcoder.ts';
import { dataPaths } from '../../src/platform/data-paths.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { aLibraryFolder, aTrackFile, type FolderRow } from '../factories/media.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const audioDir = path.resolve(repoRoot, '../shared/datasets/audio');
const brahmsFlac = path.join(audioDir, 'formats/brahms_hd5.flac');
const haveAudio = existsSync(brahmsFlac);
if (!haveAudio) console.warn(`media-stream: ${brahmsFlac} is absent; transcoding tests are skipped`);

const TOKEN = 'media-test-token';
const sessions: SessionResolver = {
  resolve: async (token) =>
    token === TOKEN
      ? {
          user: {
            id: '00000000-0000-4000-8000-000000000001',
            username: 'ann',
            nickname: 'Ann',
            role: 'listener',
          },
          sessionId: '00000000-0000-4000-8000-000000000002',
          csrfToken: 'csrf',
        }
      : null,
};
const auth = { authorization: `Bearer ${TOKEN}` };
const logger = createLogger('silent');

/** Counts ffmpeg runs so a test can tell a cache hit from a fresh transcode. */
class CountingTranscoder implements Transcoder {
  runs = 0;
  constructor(private readonly inner: Transcoder) {}
  async transcode(...args: Parameters<Transcoder['transcode']>): Promise<void> {
    this.runs += 1;
    await this.inner.transcode(...args);
  }
}

let database: TestDatabase;
let tmp: string;
let library: string;
let folder: FolderRow;

async function appWith(media: MediaModule): Promise<FastifyInstance> {
  return buildApp({ logger: false, sessions, routes: media.routes });
}

beforeAll(async () => {
  database = await createTestDatabase();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'media-stream-'));
  library = path.join(tmp, 'library');
  await mkdir(library);
  folder = await aLibraryFolder(database.db, library);
});

afterAll(async () => {
  await database?.drop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('GET /api/v1/tracks/:id/stream (original file)', () => {
  const bytes = randomBytes(300_001);
  let app: FastifyInstance;
  let trackId: string;
  let url: string;

  beforeAll(async () => {
    const file = path.join(library, 'sample.flac');
    await writeFile(file, bytes);
    trackId = (await aTrackFile(database.db, folder, file, { mime: 'audio/flac' })).id;
    url = `/api/v1/tracks/${trackId}/stream`;
    app = await appWith(
      createMediaModule({
        db: database.db,
        logger,
        paths: dataPaths(path.join(tmp, 'data-plain')),
        transcodeCacheBytes: 64 * 1024 * 1024,
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses anonymous listeners', async () => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('sends the whole file with its validators', async () => {
    const response = await app.inject({ url, headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers['content-type']).toBe('audio/flac');
    expect(response.headers['content-length']).toBe(String(bytes.length));
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(Date.parse(String(response.headers['last-modified']))).not.toBeNaN();
  });

  const size = 300_001;
  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=1000-1999', 1000, 1999],
    ['bytes=-500', size - 500, size - 1],
    ['bytes=299000-', 299_000, size - 1],
    ['bytes=250000-999999', 250_000, size - 1],
    ['bytes=-999999', 0, size - 1],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await app.inject({ url, headers: { ...auth, range } });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
    expect(response.headers['content-length']).toBe(String(end - start + 1));
    expect(response.rawPayload.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=300001-', 'bytes=999999-1000000', 'bytes=-0', 'bytes=5-3'])(
    'answers the unsatisfiable %s with 416',
    async (range) => {
      const response = await app.inject({ url, headers: { ...auth, range } });
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${size}`);
      expect(response.json().error.code).toBe('range_not_satisfiable');
    },
  );

  it.each(['bytes=0-1,5-6', 'bytes=abc', 'items=0-5', 'bytes=--3'])(
    'sends the whole file for a multi-range or malformed %s',
    async (range) => {
      const response = await app.inject({ url, headers: { ...auth, range } });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(bytes)).toBe(true);
    },
  );

  it('answers 304 to a matching If-None-Match or a fresh If-Modified-Since', async () => {
    const first = await app.inject({ url, headers: auth });
    const etag = String(first.headers.etag);
    const byTag = await app.inject({ url, headers: { ...auth, 'if-none-match': `"nope", ${etag}` } });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.rawPayload.length).toBe(0);
    expect(byTag.headers.etag).toBe(etag);

    const weak = await app.inject({ url, headers: { ...auth, 'if-none-match': `W/${etag}` } });
    expect(weak.statusCode).toBe(304);

    const byDate = await app.inject({
      url,
      headers: { ...auth, 'if-modified-since': String(first.headers['last-modified']) },
    });
    expect(byDate.statusCode).toBe(304);

    const stale = await app.inject({ url, headers: { ...auth, 'if-none-match': '"something-else"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(bytes)).toBe(true);

    const older = await app.inject({
      url,
      headers: { ...auth, 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
    });
    expect(older.statusCode).toBe(200);
  });

  it('honours a Range only while If-Range still matches', async () => {
    const etag = String((await app.inject({ url, method: 'HEAD', headers: auth })).headers.etag);
    const same = await app.inject({ url, headers: { ...auth, range: 'bytes=10-19', 'if-range': etag } });
    expect(same.statusCode).toBe(206);
    expect(same.rawPayload.equals(bytes.subarray(10, 20))).toBe(true);

    const changed = await app.inject({
      url,
      headers: { ...auth, range: 'bytes=10-19', 'if-range': '"old"' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.rawPayload.equals(bytes)).toBe(true);
  });

  it('answers HEAD with the headers of the GET and no body', async () => {
    const head = await app.inject({ url, method: 'HEAD', headers: auth });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(size));
    expect(head.headers['content-type']).toBe('audio/flac');
    expect(head.rawPayload.length).toBe(0);

    const ranged = await app.inject({ url, method: 'HEAD', headers: { ...auth, range: 'bytes=-10' } });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.headers['content-length']).toBe('10');
  });

  it('serves a real download over a socket', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}${url}`, { headers: { ...auth, range: 'bytes=100-' } });
    expect(response.status).toBe(206);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(100))).toBe(true);
  });

  it('404s for unknown tracks and ids that are not ids', async () => {
    const unknown = await app.inject({
      url: '/api/v1/tracks/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/stream',
      headers: auth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('track_not_found');
    const garbage = await app.inject({ url: '/api/v1/tracks/..%2F..%2Fetc%2Fpasswd/stream', headers: auth });
    expect(garbage.statusCode).toBe(404);
  });

  it('does not serve a track whose path lies outside every library folder', async () => {
    const outside = path.join(tmp, 'outside.flac');
    await writeFile(outside, 'secret');
    const direct = await aTrackFile(database.db, folder, outside);
    const linked = path.join(library, 'escape.flac');
    await symlink(outside, linked);
    const viaLink = await aTrackFile(database.db, folder, linked);
    const dotted = await aTrackFile(database.db, folder, `${library}/../outside.flac`);

    for (const { id } of [direct, viaLink, dotted]) {
      const response = await app.inject({ url: `/api/v1/tracks/${id}/stream`, headers: auth });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('secret');
    }
  });

  it('answers 404 file_missing when the file vanished since the scan', async () => {
    const file = path.join(library, 'gone.flac');
    await writeFile(file, 'audio');
    const { id } = await aTrackFile(database.db, folder, file);
    await unlink(file);
    const response = await app.inject({ url: `/api/v1/tracks/${id}/stream`, headers: auth });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('file_missing');
  });
});

describe('transcoded streams', () => {
  let app: FastifyInstance;
  let media: MediaModule;
  const transcoder = new CountingTranscoder(new FfmpegTranscoder());
  let trackId: string;
  let transcodesDir: string;

  beforeAll(async () => {
    const paths = dataPaths(path.join(tmp, 'data-transcode'));
    transcodesDir = paths.transcodes;
    media = createMediaModule({
      db: database.db,
      logger,
      paths,
      transcodeCacheBytes: 64 * 1024 * 1024,
      transcoder,
    });
    app = await appWith(media);
    if (haveAudio) {
      const audioFolder = await aLibraryFolder(database.db, path.dirname(brahmsFlac));
      trackId = (await aTrackFile(database.db, audioFolder, brahmsFlac, { mime: 'audio/flac' })).id;
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['?format=opus&bitrate=999'],
    ['?format=opus&bitrate=95'],
    ['?format=opus&bitrate=12x'],
    ['?format=flac'],
    ['?bitrate=128'],
  ])('rejects %s with 400', async (query) => {
    const response = await app.inject({
      url: `/api/v1/tracks/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/stream${query}`,
      headers: auth,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it.skipIf(!haveAudio).each([
    ['opus', 'audio/ogg', 'Ogg', 'Opus'],
    ['mp3', 'audio/mpeg', 'MPEG', 'MPEG 1 Layer 3'],
  ])(
    'transcodes to %s at 128 kb/s and serves the cached copy afterwards',
    async (format, mime, container, codec) => {
      const url = `/api/v1/tracks/${trackId}/stream?format=${format}&bitrate=128`;
      const before = transcoder.runs;
      const first = await app.inject({ url, headers: auth });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toBe(mime);
      const parsed = await parseBuffer(first.rawPayload, { mimeType: mime }, { duration: true });
      expect(parsed.format.container).toBe(container);
      expect(parsed.format.codec).toBe(codec);
      expect(parsed.format.duration).toBeGreaterThan(44);
      expect(parsed.format.duration).toBeLessThan(47.5);
      expect(parsed.common.title).toBeUndefined();
      expect(transcoder.runs).toBe(before + 1);

      // The first answer may have been streamed while ffmpeg ran; the cached copy is the same bytes.
      const second = await app.inject({ url, headers: { ...auth, range: 'bytes=100-199' } });
      expect(second.statusCode).toBe(206);
      expect(second.rawPayload.equals(first.rawPayload.subarray(100, 200))).toBe(true);
      const whole = await app.inject({ url, headers: auth });
      expect(whole.statusCode).toBe(200);
      expect(whole.headers['content-length']).toBe(String(first.rawPayload.length));
      expect(whole.rawPayload.equals(first.rawPayload)).toBe(true);
      const revalidated = await app.inject({
        url,
        headers: { ...auth, 'if-none-match': String(whole.headers.etag) },
      });
      expect(revalidated.statusCode).toBe(304);
      expect(transcoder.runs).toBe(before + 1);

      const cached = (await readdir(transcodesDir)).filter((name) => name.startsWith(trackId));
      const source = statSync(brahmsFlac);
      expect(cached).toContain(
        `${trackId}-${source.size}-${Math.round(source.mtimeMs)}-${format}-128.${format}`,
      );
    },
  );

  it.skipIf(!haveAudio)('runs ffmpeg once for concurrent first requests', async () => {
    const before = transcoder.runs;
    const url = `/api/v1/tracks/${trackId}/stream?format=mp3&bitrate=96`;
    const responses = await Promise.all([1, 2, 3].map(() => app.inject({ url, headers: auth })));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(transcoder.runs).toBe(before + 1);
    expect(responses[1]!.rawPayload.equals(responses[0]!.rawPayload)).toBe(true);
  });

  it('answers 422 for a source ffmpeg cannot decode, and caches nothing', async () => {
    const corrupt = path.join(library, 'corrupt.mp3');
    await writeFile(corrupt, Buffer.from('this is not audio at all\n'.repeat(4000)));
    const { id } = await aTrackFile(database.db, folder, corrupt, { mime: 'audio/mpeg' });
    const response = await app.inject({ url: `/api/v1/tracks/${id}/stream?format=opus`, headers: auth });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('transcode_failed');
    const left = existsSync(transcodesDir) ? await readdir(transcodesDir) : [];
    expect(left.filter((name) => name.startsWith(id))).toEqual([]);
  });
});

describe('a transcode in progress', () => {
  /** Writes a first part, then waits to be released before writing the rest. */
  class GatedTranscoder implements Transcoder {
    runs = 0;
    readonly firstPart = Buffer.from('OggS first part of the audio;');
    readonly rest = Buffer.from(' and the rest of it.');
    private release!: () => void;
    readonly gate = new Promise<void>((resolve) => (this.release = resolve));
    private started!: () => void;
    readonly wroteFirstPart = new Promise<void>((resolve) => (this.started = resolve));

    open(): void {
      this.release();
    }

    async transcode(_source: string, target: string, _profile: unknown, onProgress?: (n: number) => void) {
      this.runs += 1;
      await writeFile(target, this.firstPart);
      onProgress?.(this.firstPart.length);
      this.started();
      await this.gate;
      await appendFile(target, this.rest);
      onProgress?.(this.firstPart.length + this.rest.length);
    }
  }

  it('is streamed to players from the first bytes, then served with ranges once cached', async () => {
    const transcoder = new GatedTranscoder();
    const media = createMediaModule({
      db: database.db,
      logger,
      paths: dataPaths(path.join(tmp, 'data-live')),
      transcodeCacheBytes: 1_000_000,
      transcoder,
    });
    const app = await appWith(media);
    try {
      const file = path.join(library, 'live.flac');
      await writeFile(file, 'x');
      const { id } = await aTrackFile(database.db, folder, file);
      const url = `/api/v1/tracks/${id}/stream?format=opus`;
      const player = app.inject({ url, headers: { ...auth, range: 'bytes=0-' } });
      const plain = app.inject({ url, headers: auth });
      const seeking = app.inject({ url, headers: { ...auth, range: 'bytes=5-' } });
      await transcoder.wroteFirstPart;
      transcoder.open();
      const whole = Buffer.concat([transcoder.firstPart, transcoder.rest]);

      // The request that started the transcode is streamed while ffmpeg writes. A second one
      // is streamed too if it arrived before the end; on a loaded machine it may only be
      // handled after the file is complete, and then it is served whole from the cache.
      const responses = [await player, await plain];
      const streamed = responses.filter((response) => response.headers['content-length'] === undefined);
      expect(streamed.length).toBeGreaterThanOrEqual(1);
      for (const response of responses) {
        expect(response.statusCode).toBe(200);
        expect(response.rawPayload.equals(whole)).toBe(true);
      }
      for (const response of streamed) {
        expect(response.headers['accept-ranges']).toBeUndefined();
        expect(response.headers['cache-control']).toBe('no-store');
      }
      // A range past the start waits for the finished file.
      const ranged = await seeking;
      expect(ranged.statusCode).toBe(206);
      expect(ranged.rawPayload.equals(whole.subarray(5))).toBe(true);
      expect(transcoder.runs).toBe(1);

      const cached = await app.inject({ url, headers: auth });
      expect(cached.headers['content-length']).toBe(String(whole.length));
      expect(cached.headers['accept-ranges']).toBe('bytes');
      expect(cached.rawPayload.equals(whole)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('the transcode cache bound', () => {
  /** Writes 400 kB per "transcode", so the bound is hit after a known number of files. */
  class FixedSizeTranscoder implements Transcoder {
    runs = 0;
    async transcode(_source: string, target: string): Promise<void> {
      this.runs += 1;
      await writeFile(target, Buffer.alloc(400_000, this.runs));
    }
  }

  it('evicts the least recently used files once it holds more than its bound', async () => {
    const transcoder = new FixedSizeTranscoder();
    const paths = dataPaths(path.join(tmp, 'data-bound'));
    const media = createMediaModule({
      db: database.db,
      logger,
      paths,
      transcodeCacheBytes: 1_000_000,
      transcoder,
    });
    const app = await appWith(media);
    try {
      const file = path.join(library, 'bounded.flac');
      await writeFile(file, 'x');
      const { id } = await aTrackFile(database.db, folder, file);
      const get = (bitrate: number) =>
        app.inject({ url: `/api/v1/tracks/${id}/stream?format=mp3&bitrate=${bitrate}`, headers: auth });
      const cachedBitrates = async () =>
        (await readdir(paths.transcodes))
          .map((name) => Number(/-mp3-(\d+)\.mp3$/.exec(name)?.[1]))
          .sort((a, b) => a - b);

      for (const bitrate of [96, 128]) expect((await get(bitrate)).statusCode).toBe(200);
      expect(await cachedBitrates()).toEqual([96, 128]);
      await get(96); // now 128 is the least recently used
      expect((await get(160)).statusCode).toBe(200);
      expect(await cachedBitrates()).toEqual([96, 160]);
      expect(media.transcodes.stats()).toMatchObject({ entries: 2, bytes: 800_000, evicted: 1, produced: 3 });

      const runs = transcoder.runs;
      expect((await get(128)).statusCode).toBe(200);
      expect(transcoder.runs).toBe(runs + 1);
      expect(await cachedBitrates()).toEqual([128, 160]);
    } finally {
      await app.close();
    }
  });
});
