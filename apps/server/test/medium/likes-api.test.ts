import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createAnnotationsModule } from '../../src/modules/annotations/annotations.module.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { anAlbum, anArtist, aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aUser, type BuiltUser } from '../factories/listening.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The red heart: idempotent like and unlike, the liked list newest first, hearts for a list. */

const clock = fixedClock(new Date('2026-11-23T12:00:00.000Z'));

let database: TestDatabase;
let app: FastifyInstance;
let me: BuiltUser;
let headers: Record<string, string>;
let otherHeaders: Record<string, string>;
const tracks: BuiltTrack[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  me = await aUser(db);
  const other = await aUser(db);
  const artist = await anArtist().named('周杰伦').build(db);
  const album = await anAlbum().titled('叶惠美').by(artist).build(db);
  for (const title of ['晴天', '东风破', '以父之名', '三年二班']) {
    tracks.push(await aTrack().titled(title).by(artist).on(album).build(db));
  }
  const mine = fixedSessions('likes-me', { id: me.id });
  const theirs = fixedSessions('likes-other', { id: other.id });
  headers = mine.headers;
  otherHeaders = theirs.headers;
  const annotations = createAnnotationsModule({ db, clock });
  app = await buildApp({
    logger: false,
    sessions: {
      resolve: async (token) => (await mine.sessions.resolve(token)) ?? theirs.sessions.resolve(token),
    },
    routes: annotations.routes,
  });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const like = (trackId: string, as = headers) =>
  app.inject({ method: 'POST', url: `/api/v1/tracks/${trackId}/like`, headers: as });
const unlike = (trackId: string, as = headers) =>
  app.inject({ method: 'DELETE', url: `/api/v1/tracks/${trackId}/like`, headers: as });
const likes = (query = '', as = headers) =>
  app.inject({ method: 'GET', url: `/api/v1/me/likes${query}`, headers: as });
const titles = (body: { data: { title: string }[] }) => body.data.map((t) => t.title);

async function feedback() {
  return database.db
    .selectFrom('feedbackEvents')
    .select(['trackId', 'kind'])
    .where('userId', '=', me.id)
    .orderBy('id')
    .execute();
}

describe('liking tracks', () => {
  it('lists liked tracks newest first, in the library track shape, and likes stay put when repeated', async () => {
    const [sunny, wind, father] = tracks as [BuiltTrack, BuiltTrack, BuiltTrack];
    for (const track of [sunny, wind, father]) {
      const response = await like(track.id);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ data: { trackId: track.id, liked: true } });
      clock.advance(60_000);
    }
    // Liking the first again does not move it to the top.
    expect((await like(sunny.id)).statusCode).toBe(200);

    const body = (await likes()).json();
    expect(titles(body)).toEqual(['以父之名', '东风破', '晴天']);
    expect(body.nextCursor).toBeNull();
    expect(body.data[0]).toMatchObject({
      id: father.id,
      title: '以父之名',
      artists: [{ id: expect.any(String), name: '周杰伦' }],
      album: { id: expect.any(String), title: '叶惠美' },
      streamUrl: `/api/v1/tracks/${father.id}/stream`,
    });
    expect(await feedback()).toEqual([
      { trackId: sunny.id, kind: 'like' },
      { trackId: wind.id, kind: 'like' },
      { trackId: father.id, kind: 'like' },
    ]);
  });

  it('unlikes idempotently, logging each change of heart once', async () => {
    const wind = tracks[1]!;
    expect((await unlike(wind.id)).json()).toEqual({ data: { trackId: wind.id, liked: false } });
    expect((await unlike(wind.id)).statusCode).toBe(200);
    expect(titles((await likes()).json())).toEqual(['以父之名', '晴天']);
    expect((await feedback()).filter((f) => f.kind === 'unlike')).toEqual([
      { trackId: wind.id, kind: 'unlike' },
    ]);
    // A like after the unlike is a new like: the track comes back at the top.
    clock.advance(60_000);
    await like(wind.id);
    expect(titles((await likes()).json())).toEqual(['东风破', '以父之名', '晴天']);
  });

  it('pages through the likes with the cursor', async () => {
    const first = (await likes('?limit=2')).json();
    expect(titles(first)).toEqual(['东风破', '以父之名']);
    const second = (await likes(`?limit=2&cursor=${first.nextCursor}`)).json();
    expect(titles(second)).toEqual(['晴天']);
    expect(second.nextCursor).toBeNull();
  });

  it("keeps each user's likes their own", async () => {
    expect((await likes('', otherHeaders)).json().data).toEqual([]);
  });

  it('answers 404 for a track that does not exist, and 400 for a bad cursor', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      for (const response of [await like(id), await unlike(id)]) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('track_not_found');
      }
    }
    const response = await likes('?cursor=bm90LWEtY3Vyc29y');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_cursor');
  });

  it('needs a logged-in user', async () => {
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/tracks/${tracks[0]!.id}/like` })).statusCode,
    ).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me/likes' })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/me/likes/lookup', () => {
  it('says which of the asked tracks I like', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/me/likes/lookup',
      headers,
      payload: { trackIds: tracks.map((t) => t.id) },
    });
    expect(response.statusCode).toBe(200);
    expect([...response.json().liked].sort()).toEqual([tracks[0]!.id, tracks[1]!.id, tracks[2]!.id].sort());
  });

  it('refuses ids that are not UUIDs', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/me/likes/lookup',
      headers,
      payload: { trackIds: ['nope'] },
    });
    expect(response.statusCode).toBe(400);
  });
});
