import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { aPlaylist, makePlaylist, socialApp, somePeople, type TestUser } from '../factories/comments.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * A private playlist exists only for its owner: nobody else can post on it, read its
 * comments, react to them, or hear about them, and it looks exactly like one that never existed.
 */

let database: TestDatabase;
let app: FastifyInstance;
let owner: TestUser;
let bob: TestUser;
const clock = fixedClock(new Date('2026-11-22T10:00:00.000Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  const people = somePeople(database.db);
  owner = await people.user('owner');
  bob = await people.user('bob');
  ({ app } = await socialApp(database.db, people.sessions, clock));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const post = (user: TestUser, playlistId: string, body: string, parentId?: string) => (
  clock.advance(1000),
  app.inject({
    method: 'POST',
    url: '/api/v1/comments',
    headers: user.headers,
    payload: { targetType: 'playlist', targetId: playlistId, body, parentId },
  })
);
const request = (user: TestUser, method: 'GET' | 'POST' | 'DELETE', url: string) =>
  app.inject({ method, url, headers: user.headers });
const list = (user: TestUser, playlistId: string) =>
  request(user, 'GET', `/api/v1/comments?targetType=playlist&targetId=${playlistId}&sort=new`);
const inbox = async (user: TestUser): Promise<Json> =>
  (await request(user, 'GET', '/api/v1/notifications')).json();

describe('comments on a private playlist', () => {
  it('are the owner’s alone: everyone else gets 404, as for a playlist that does not exist', async () => {
    const playlist = await aPlaylist(database.db, owner, 'private');
    const mine = await post(owner, playlist.id, 'note to self');
    expect(mine.statusCode).toBe(201);
    const id = mine.json().data.id;
    expect((await list(owner, playlist.id)).json().total).toBe(1);

    const refused = [
      await post(bob, playlist.id, 'let me in'),
      await post(bob, playlist.id, 'reply', id),
      await list(bob, playlist.id),
      await request(bob, 'GET', `/api/v1/comments/${id}/replies`),
      await request(bob, 'POST', `/api/v1/comments/${id}/like`),
      await request(bob, 'POST', `/api/v1/comments/${id}/hug`),
      await request(bob, 'DELETE', `/api/v1/comments/${id}`),
    ];
    for (const response of refused) expect(response.statusCode).toBe(404);
    expect(refused[0]!.json().error.code).toBe('target_not_found');
    expect(refused[2]!.json().error.code).toBe('target_not_found');
    expect(refused[4]!.json().error.code).toBe('comment_not_found');
    const report = await app.inject({
      method: 'POST',
      url: `/api/v1/comments/${id}/report`,
      headers: bob.headers,
      payload: { reason: 'spam' },
    });
    expect(report.statusCode).toBe(404);
  });

  it('never notify someone who cannot see the playlist, even when mentioned', async () => {
    const playlist = await aPlaylist(database.db, owner, 'private');
    const response = await post(owner, playlist.id, '@bob you will never see this');
    expect(response.json().data.mentions).toEqual([{ id: bob.id, username: 'bob' }]);
    expect((await inbox(bob)).data).toEqual([]);
    expect((await inbox(bob)).unread).toBe(0);
  });
});

describe('a playlist made private later', () => {
  it('drops its notifications from lists and unread counts of everyone but the owner', async () => {
    const playlist = await aPlaylist(database.db, owner, 'public');
    const top = (await post(bob, playlist.id, 'great list')).json().data;
    const reply = (await post(owner, playlist.id, 'thanks @bob', top.id)).json().data;
    await request(owner, 'POST', `/api/v1/comments/${top.id}/like`);
    await request(bob, 'POST', `/api/v1/comments/${reply.id}/like`);

    const before = await inbox(bob);
    expect(before.unread).toBe(2);
    expect(before.data.map((n: Json) => n.kind).sort()).toEqual(['like', 'reply']);
    expect((await inbox(owner)).unread).toBe(1);

    await makePlaylist(database.db, playlist.id, 'private');
    const after = await inbox(bob);
    expect(after).toEqual({ data: [], nextCursor: null, unread: 0 });
    expect((await list(bob, playlist.id)).statusCode).toBe(404);
    // The owner still sees everything about their own playlist.
    expect((await inbox(owner)).unread).toBe(1);
    expect((await list(owner, playlist.id)).json().total).toBe(2);

    await makePlaylist(database.db, playlist.id, 'public');
    expect((await inbox(bob)).unread).toBe(2);
  });

  it('keeps pages of notifications full around the hidden ones', async () => {
    const hidden = await aPlaylist(database.db, owner, 'public');
    const shown = await aPlaylist(database.db, owner, 'public');
    for (let i = 0; i < 4; i++) {
      const onShown = (await post(bob, shown.id, `shown ${i}`)).json().data;
      await post(owner, shown.id, 'reply', onShown.id);
      const onHidden = (await post(bob, hidden.id, `hidden ${i}`)).json().data;
      await post(owner, hidden.id, 'reply', onHidden.id);
    }
    await makePlaylist(database.db, hidden.id, 'private');
    const page1 = (await request(bob, 'GET', '/api/v1/notifications?limit=3')).json();
    expect(page1.data).toHaveLength(3);
    expect(page1.data.every((n: Json) => n.comment.targetId === shown.id)).toBe(true);
    const page2 = (
      await request(bob, 'GET', `/api/v1/notifications?limit=3&cursor=${page1.nextCursor}`)
    ).json();
    const all = [...page1.data, ...page2.data];
    expect(all.some((n: Json) => n.comment.targetId === hidden.id)).toBe(false);
    expect(all.filter((n: Json) => n.comment.targetId === shown.id)).toHaveLength(4);
  });
});
