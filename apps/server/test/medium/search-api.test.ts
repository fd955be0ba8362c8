import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createSearchModule } from '../../src/modules/search/search.module.ts';
import { searchCatalog } from '../factories/search.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The HTTP face of search: logged-in only, bad input is a 400, pages do not overlap. */

const { sessions, headers: auth } = fixedSessions('search-test-token');

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  const catalog = searchCatalog(database.db);
  await catalog.track('晴天', { by: '周杰伦', album: '叶惠美' });
  for (let i = 1; i <= 7; i++) await catalog.track(`Love Song ${i}`, { by: `Band ${i}` });
  await catalog.user('sunny_day', '晴天');
  const search = createSearchModule({ db: database.db });
  await search.indexer.reindexAll();
  app = await buildApp({ logger: false, sessions, routes: search.routes });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (url: string, headers: Record<string, string> = auth) =>
  app.inject({ method: 'GET', url, headers });
const q = (text: string) => encodeURIComponent(text);

describe('GET /api/v1/search', () => {
  it('needs a logged-in user', async () => {
    const response = await get(`/api/v1/search?q=${q('晴天')}`, {});
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('returns compact items of each kind', async () => {
    const response = await get(`/api/v1/search?q=${q('晴天')}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.nextCursor).toBeNull();
    expect(body.data.tracks[0]).toEqual({
      id: expect.any(String),
      title: '晴天',
      artists: [{ id: expect.any(String), name: '周杰伦' }],
      album: { id: expect.any(String), title: '叶惠美' },
      durationMs: 200_000,
      coverUrl: null,
    });
    expect(body.data.users[0]).toEqual({
      id: expect.any(String),
      username: 'sunny_day',
      nickname: '晴天',
      avatarUrl: null,
    });
    expect(body.data.albums).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '%20%20%20'],
    ['over 100 characters', 'a'.repeat(101)],
  ])('refuses a %s query with 400', async (_name, text) => {
    const response = await get(`/api/v1/search?q=${text}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('refuses a missing query, an unknown type and a limit above the maximum', async () => {
    for (const url of ['/api/v1/search', '/api/v1/search?q=a&type=playlist', '/api/v1/search?q=a&limit=51']) {
      expect((await get(url)).statusCode).toBe(400);
    }
  });

  it('answers punctuation-only queries with nothing, not an error', async () => {
    const response = await get(`/api/v1/search?q=${q('!!! ???')}&type=track`);
    expect(response.statusCode).toBe(200);
    expect(response.json().data.tracks).toEqual([]);
  });

  it('pages through one type with the cursor, without overlap or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/search?q=love&type=track&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await get(url)).json();
      seen.push(...body.data.tracks.map((t: { title: string }) => t.title));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual(Array.from({ length: 7 }, (_, i) => `Love Song ${i + 1}`));
  });

  it('refuses a cursor from another query, a forged cursor, and a cursor with type=all', async () => {
    const first = (await get('/api/v1/search?q=love&type=track&limit=3')).json();
    for (const url of [
      `/api/v1/search?q=song&type=track&cursor=${first.nextCursor}`,
      '/api/v1/search?q=love&type=track&cursor=bm90LWEtY3Vyc29y',
      `/api/v1/search?q=love&cursor=${first.nextCursor}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_cursor');
    }
  });
});

describe('the OpenAPI document', () => {
  it('names the search schemas', () => {
    const document = app.swagger() as { components?: { schemas?: Record<string, unknown> } };
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'SearchTrack',
        'SearchAlbum',
        'SearchArtist',
        'SearchUser',
        'SearchSuggestion',
      ]),
    );
  });
});

describe('any query text', () => {
  it('is answered with 200 or 400, never an error of ours', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...Array.from("晴天 qt'\\:*&|!()<>-ü绿é%_")), maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom('all', 'track', 'user'), async (q, type) => {
        for (const url of [
          `/api/v1/search?type=${type}&q=${encodeURIComponent(q)}`,
          `/api/v1/search/suggest?q=${encodeURIComponent(q)}`,
        ]) {
          const response = await get(url);
          expect([200, 400]).toContain(response.statusCode);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('GET /api/v1/search/suggest', () => {
  it('suggests names by prefix', async () => {
    const response = await get(`/api/v1/search/suggest?q=${q('qing')}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toContainEqual({
      kind: 'track',
      id: expect.any(String),
      text: '晴天',
      subtitle: '周杰伦',
    });
  });

  it('returns at most 10', async () => {
    const response = await get('/api/v1/search/suggest?q=l');
    expect(response.json().data.length).toBeLessThanOrEqual(10);
  });

  it('refuses an empty query and needs a logged-in user', async () => {
    expect((await get('/api/v1/search/suggest?q=%20')).statusCode).toBe(400);
    expect((await get('/api/v1/search/suggest?q=a', {})).statusCode).toBe(401);
  });
});
