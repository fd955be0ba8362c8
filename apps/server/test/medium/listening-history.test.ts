import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createListeningModule } from '../../src/modules/listening/listening.module.ts';
import { PlaylistAccessRepository } from '../../src/modules/playlists/playlist-access.repository.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { anAlbum, aTrack, type BuiltAlbum, type BuiltTrack } from '../factories/catalog.ts';
import { aPlayback, aPlaylist, aUser, type BuiltUser, type PlaybackOptions } from '../factories/listening.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Recently played (each item once, most recent first, private playlists of others left out)
 * and the profile's listening ranking (week and all time, hidden from others on request).
 */

const NOW = new Date('2026-11-23T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(d * 24);

let database: TestDatabase;
let app: FastifyInstance;
let me: BuiltUser;
let friend: BuiltUser;
let headers: Record<string, string>;
let friendHeaders: Record<string, string>;
let a: BuiltTrack;
let b: BuiltTrack;
let c: BuiltTrack;
let album: BuiltAlbum;
const lists: Record<'mineHidden' | 'theirsPublic' | 'theirsPrivate' | 'turnsPrivate', { id: string }> =
  {} as never;

async function send(events: unknown[], as = headers) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/listening/events',
    headers: as,
    payload: { events },
  });
  expect(response.json().rejected).toEqual([]);
}

/** A whole playback, heard to the end (a counted play). */
const listen = (track: BuiltTrack, options: PlaybackOptions, as = headers) => {
  const play = aPlayback(track.id, options);
  return send([play.start(), play.end(200_000)], as);
};

const get = (url: string, as = headers) => app.inject({ method: 'GET', url, headers: as });

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  me = await aUser(db, 'Me');
  friend = await aUser(db, 'Friend');
  album = await anAlbum().titled('叶惠美').build(db);
  a = await aTrack().titled('A').on(album).build(db);
  b = await aTrack().titled('B').build(db);
  c = await aTrack().titled('C').build(db);
  const mine = fixedSessions('history-me', { id: me.id });
  const theirs = fixedSessions('history-friend', { id: friend.id });
  headers = mine.headers;
  friendHeaders = theirs.headers;
  const listening = createListeningModule({
    db,
    clock: fixedClock(NOW),
    logger: createLogger('silent'),
    onPlaysCounted: async () => undefined,
    playlistAccess: new PlaylistAccessRepository(db),
  });
  app = await buildApp({
    logger: false,
    sessions: {
      resolve: async (token) => (await mine.sessions.resolve(token)) ?? theirs.sessions.resolve(token),
    },
    routes: listening.routes,
  });

  // C long ago (10 days: all time only), then A from its album, B, A again.
  for (let i = 0; i < 5; i++) await listen(c, { at: daysAgo(10 + i) });
  await listen(a, { at: hoursAgo(5), source: { type: 'album', id: album.id } });
  await listen(b, { at: hoursAgo(4) });
  await listen(a, { at: hoursAgo(3) });
  // A skipped at once: in the history, not in the counts.
  const skipped = aPlayback(b.id, { at: hoursAgo(1) });
  await send([skipped.start(), skipped.end(2_000, 'skipped')]);
  // C from four playlists, the last 30 to 12 minutes ago.
  lists.mineHidden = await aPlaylist(db, me, 'private', 'My secret list');
  lists.theirsPublic = await aPlaylist(db, friend, 'public', 'Friend public');
  lists.theirsPrivate = await aPlaylist(db, friend, 'private', 'Friend private');
  lists.turnsPrivate = await aPlaylist(db, friend, 'public', 'Soon private');
  for (const [i, list] of Object.values(lists).entries()) {
    await listen(c, { at: hoursAgo(0.5 - i * 0.1), source: { type: 'playlist', id: list.id } });
  }
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('GET /api/v1/me/history', () => {
  it('lists each track once, most recently played first', async () => {
    const body = (await get('/api/v1/me/history')).json();
    expect(body.data.map((item: { track: { title: string } }) => item.track.title)).toEqual(['C', 'B', 'A']);
    expect(body.data[1]).toMatchObject({ kind: 'track', playedAt: hoursAgo(1).toISOString() });
    expect(body.nextCursor).toBeNull();
  });

  it('pages without overlap', async () => {
    const first = (await get('/api/v1/me/history?limit=2')).json();
    const second = (await get(`/api/v1/me/history?limit=2&cursor=${first.nextCursor}`)).json();
    const titles = [...first.data, ...second.data].map(
      (item: { track: { title: string } }) => item.track.title,
    );
    expect(titles).toEqual(['C', 'B', 'A']);
    expect(second.nextCursor).toBeNull();
  });

  it('lists albums played from the album page', async () => {
    const body = (await get('/api/v1/me/history?kind=albums')).json();
    expect(body.data).toEqual([
      expect.objectContaining({
        kind: 'album',
        album: expect.objectContaining({ id: album.id, title: '叶惠美' }),
      }),
    ]);
  });

  it("lists playlists I may still see, never someone else's private one", async () => {
    const names = async () =>
      (await get('/api/v1/me/history?kind=playlists'))
        .json()
        .data.map((item: { playlist: { name: string } }) => item.playlist.name);
    expect(await names()).toEqual(['Soon private', 'Friend public', 'My secret list']);
    await database.db
      .updateTable('playlists')
      .set({ visibility: 'private' })
      .where('id', '=', lists.turnsPrivate.id)
      .execute();
    expect(await names()).toEqual(['Friend public', 'My secret list']);

    const body = (await get('/api/v1/me/history?kind=playlists')).json();
    expect(body.data[0].playlist).toEqual({
      id: lists.theirsPublic.id,
      name: 'Friend public',
      coverUrl: null,
      trackCount: 0,
      owner: { id: friend.id, nickname: 'Friend' },
    });
    // A page of one still finds the visible list behind the hidden ones.
    const first = (await get('/api/v1/me/history?kind=playlists&limit=1')).json();
    expect(first.data.map((item: { playlist: { name: string } }) => item.playlist.name)).toEqual([
      'Friend public',
    ]);
  });

  it('is my own: a friend has none', async () => {
    expect((await get('/api/v1/me/history', friendHeaders)).json().data).toEqual([]);
  });
});

describe('GET /api/v1/users/{id}/ranking', () => {
  type Entry = { rank: number; playCount: number; score: number; track: { title: string } };
  const summary = (entries: Entry[]) => entries.map((e) => [e.rank, e.track.title, e.playCount, e.score]);

  it("ranks the week's counted plays with play bars", async () => {
    const body = (await get(`/api/v1/users/${me.id}/ranking?period=week`)).json();
    expect(body.data).toMatchObject({ userId: me.id, period: 'week', hidden: false });
    // C: the four playlist plays of this week; A twice; B once (the skip does not count).
    expect(summary(body.data.entries)).toEqual([
      [1, 'C', 4, 100],
      [2, 'A', 2, 50],
      [3, 'B', 1, 25],
    ]);
  });

  it('ranks all time from the per-user counts', async () => {
    const body = (await get(`/api/v1/users/${me.id}/ranking?period=all`)).json();
    expect(summary(body.data.entries)).toEqual([
      [1, 'C', 9, 100],
      [2, 'A', 2, 22],
      [3, 'B', 1, 11],
    ]);
  });

  it('is hidden from others when its owner says so, but not from the owner', async () => {
    expect((await get(`/api/v1/users/${me.id}/ranking`, friendHeaders)).statusCode).toBe(200);
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/listening-settings',
      headers,
      payload: { rankingHidden: true },
    });
    expect(saved.json()).toEqual({ data: { rankingHidden: true } });
    expect((await get('/api/v1/me/listening-settings')).json()).toEqual({ data: { rankingHidden: true } });

    const theirs = await get(`/api/v1/users/${me.id}/ranking`, friendHeaders);
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error.code).toBe('ranking_hidden');
    const mine = await get(`/api/v1/users/${me.id}/ranking`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data.hidden).toBe(true);
  });

  it('answers 404 for a user that does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nobody']) {
      const response = await get(`/api/v1/users/${id}/ranking`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('user_not_found');
    }
  });
});
