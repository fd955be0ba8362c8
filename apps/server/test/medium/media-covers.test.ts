import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createMediaModule } from '../../src/modules/media/media.module.ts';
import { dataPaths, type DataPaths } from '../../src/platform/data-paths.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { aCover } from '../factories/media.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let tmp: string;
let paths: DataPaths;
let app: FastifyInstance;
let large: { id: string; bytes: Buffer };
let small: string;

function image(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 20 } } });
  return (format === 'jpeg' ? base.jpeg() : base.png()).toBuffer();
}

beforeAll(async () => {
  database = await createTestDatabase();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'media-covers-'));
  paths = dataPaths(tmp);
  const bytes = await image(1600, 1200, 'jpeg');
  large = {
    id: await aCover(database.db, paths.covers, bytes, { mime: 'image/jpeg', width: 1600, height: 1200 }),
    bytes,
  };
  small = await aCover(database.db, paths.covers, await image(100, 80, 'png'), {
    mime: 'image/png',
    width: 100,
    height: 80,
  });
  const media = createMediaModule({
    db: database.db,
    logger: createLogger('silent'),
    paths,
    transcodeCacheBytes: 1024 * 1024,
  });
  // No session ever resolves: covers must work for anonymous visitors.
  app = await buildApp({ logger: false, sessions: { resolve: async () => null }, routes: media.routes });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('GET /api/v1/covers/:id', () => {
  it('serves the original without a login, cacheable forever', async () => {
    const response = await app.inject({ url: `/api/v1/covers/${large.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(large.bytes)).toBe(true);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it.each([
    [200, 'image/avif,image/webp,*/*', 'webp', 256],
    [100, 'image/png,*/*', 'jpeg', 128],
    [64, undefined, 'jpeg', 64],
    [1200, 'image/webp', 'webp', 1024],
    [32, 'image/webp', 'webp', 64],
  ])('resizes size=%i (Accept %s) to a square %s of the snapped size', async (size, accept, format, edge) => {
    const response = await app.inject({
      url: `/api/v1/covers/${large.id}?size=${size}`,
      headers: accept ? { accept } : {},
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(`image/${format}`);
    expect(response.headers.vary).toContain('Accept');
    const meta = await sharp(response.rawPayload).metadata();
    expect(meta.format).toBe(format);
    expect([meta.width, meta.height]).toEqual([edge, edge]);
    const ext = format === 'webp' ? 'webp' : 'jpg';
    expect(existsSync(path.join(paths.coverSizes, `${large.id}-${edge}.${ext}`))).toBe(true);
  });

  it('never enlarges a small original, only crops it square', async () => {
    const response = await app.inject({
      url: `/api/v1/covers/${small}?size=512`,
      headers: { accept: 'image/webp' },
    });
    expect(response.statusCode).toBe(200);
    const meta = await sharp(response.rawPayload).metadata();
    expect([meta.width, meta.height]).toEqual([80, 80]);
  });

  it('keeps one file per standard size however many sizes are asked for', async () => {
    for (const size of [129, 200, 255, 256]) {
      expect((await app.inject({ url: `/api/v1/covers/${large.id}?size=${size}` })).statusCode).toBe(200);
    }
    const files = (await readdir(paths.coverSizes)).filter((name) => name.startsWith(`${large.id}-256.`));
    expect(files.sort()).toEqual([`${large.id}-256.jpg`, `${large.id}-256.webp`]);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const url = `/api/v1/covers/${large.id}?size=128`;
    const first = await app.inject({ url });
    const again = await app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('answers HEAD without a body', async () => {
    const response = await app.inject({ method: 'HEAD', url: `/api/v1/covers/${large.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(large.bytes.length));
    expect(response.rawPayload.length).toBe(0);
  });

  it.each(['0', '31', '1201', 'big', '-64'])('rejects size=%s with 400', async (size) => {
    const response = await app.inject({ url: `/api/v1/covers/${large.id}?size=${size}` });
    expect(response.statusCode).toBe(400);
  });

  it.each([
    ['abc'],
    ['..%2F..%2Fetc%2Fpasswd'],
    ['%2Fetc%2Fpasswd'],
    [`${'a'.repeat(63)}G`],
    [`${'A'.repeat(64)}`],
    [`${'0'.repeat(64)}`],
  ])('404s for the cover id %s', async (id) => {
    const response = await app.inject({ url: `/api/v1/covers/${id}?size=64` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('cover_not_found');
  });

  it('404s when the original file is gone, and 422s when it is not an image', async () => {
    const gone = await aCover(database.db, paths.covers, await image(300, 300, 'png'), {
      mime: 'image/png',
      width: 300,
      height: 300,
    });
    await unlink(path.join(paths.covers, gone));
    for (const url of [`/api/v1/covers/${gone}`, `/api/v1/covers/${gone}?size=64`]) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('cover_not_found');
    }

    const junk = Buffer.from('not an image');
    const broken = await aCover(database.db, paths.covers, junk, { mime: 'image/jpeg', width: 1, height: 1 });
    await writeFile(path.join(paths.covers, broken), junk);
    const response = await app.inject({ url: `/api/v1/covers/${broken}?size=64` });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('cover_unreadable');
  });
});
