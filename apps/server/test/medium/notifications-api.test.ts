import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { socialApp, somePeople, type TestUser } from '../factories/comments.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Notifications as the database keeps them: replies, mentions, grouped likes, hugs, read state. */

let database: TestDatabase;
let app: FastifyInstance;
let people: ReturnType<typeof somePeople>;
let track: BuiltTrack;
const clock = fixedClock(new Date('2026-11-22T10:00:00.000Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  people = somePeople(database.db);
  track = await aTrack().build(database.db);
  ({ app } = await socialApp(database.db, people.sessions, clock));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function comment(user: TestUser, body: string, parentId?: string): Promise<Json> {
  clock.advance(1000);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/comments',
    headers: user.headers,
    payload: { targetType: 'track', targetId: track.id, body, parentId },
  });
  expect(response.statusCode).toBe(201);
  return response.json().data;
}

async function inbox(user: TestUser, query = ''): Promise<Json> {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/notifications${query}`,
    headers: user.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function markRead(user: TestUser, payload: Json) {
  return app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: user.headers, payload });
}

const act = (user: TestUser, path: string) => (
  clock.advance(1000),
  app.inject({ method: 'POST', url: `/api/v1/comments/${path}`, headers: user.headers })
);

describe('notifications', () => {
  it('tell the author about a reply, with the reply and who wrote it', async () => {
    const [ann, ben] = [await people.user('ann'), await people.user('ben', { nickname: '小本' })];
    const top = await comment(ann, '我的评论');
    const reply = await comment(ben, '说得好', top.id);
    const box = await inbox(ann);
    expect(box.unread).toBe(1);
    expect(box.nextCursor).toBeNull();
    expect(box.data).toEqual([
      {
        id: expect.any(String),
        kind: 'reply',
        read: false,
        actors: [{ id: ben.id, username: 'ben', nickname: '小本', avatarUrl: null }],
        actorCount: 1,
        comment: {
          id: reply.id,
          targetType: 'track',
          targetId: track.id,
          lineIndex: null,
          parentId: top.id,
          excerpt: '说得好',
          deleted: false,
        },
        createdAt: clock.now().toISOString(),
        updatedAt: clock.now().toISOString(),
      },
    ]);
    // Writing never notifies yourself.
    await comment(ann, 'thanks!', top.id);
    expect((await inbox(ann)).unread).toBe(1);
    expect((await inbox(ben)).data).toEqual([]);
  });

  it('tell mentioned users, once, and not the one already told about the reply', async () => {
    const [cat, dan, eve] = [await people.user('cat'), await people.user('dan'), await people.user('eve')];
    const top = await comment(cat, 'hello');
    await comment(dan, '@cat @eve @eve @dan look', top.id);
    expect((await inbox(cat)).data.map((n: Json) => n.kind)).toEqual(['reply']);
    expect((await inbox(eve)).data.map((n: Json) => n.kind)).toEqual(['mention']);
    expect((await inbox(dan)).data).toEqual([]);
  });

  it('group likes while unread: "A, B and N others", newest first; a like after reading starts anew', async () => {
    const owner = await people.user('owner');
    const top = await comment(owner, 'likeable');
    const fans = await Promise.all(Array.from({ length: 14 }, (_, i) => people.user(`fan_${i}`)));
    for (const fan of fans) await act(fan, `${top.id}/like`);
    // Like, unlike, like again: still one actor.
    await act(fans[13]!, `${top.id}/like`);
    await app.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${top.id}/like`,
      headers: fans[13]!.headers,
    });
    await act(fans[13]!, `${top.id}/like`);

    let box = await inbox(owner);
    expect(box.unread).toBe(1);
    expect(box.data).toHaveLength(1);
    expect(box.data[0]).toMatchObject({
      kind: 'like',
      actorCount: 14,
      comment: { id: top.id, excerpt: 'likeable' },
    });
    expect(box.data[0].actors.map((a: Json) => a.username)).toEqual(['fan_13', 'fan_12']);
    expect(box.data[0].updatedAt).toBe(clock.now().toISOString());
    expect(Date.parse(box.data[0].createdAt)).toBeLessThan(Date.parse(box.data[0].updatedAt));

    expect((await markRead(owner, { ids: [box.data[0].id] })).json()).toEqual({ unread: 0 });
    const late = await people.user('late_fan');
    await act(late, `${top.id}/like`);
    box = await inbox(owner);
    expect(box.unread).toBe(1);
    expect(box.data.map((n: Json) => [n.kind, n.read, n.actorCount])).toEqual([
      ['like', false, 1],
      ['like', true, 14],
    ]);
  });

  it('tell the author about a hug, once per hugger', async () => {
    const [gus, hal] = [await people.user('gus'), await people.user('hal')];
    const top = await comment(gus, 'sad song');
    await act(hal, `${top.id}/hug`);
    await act(hal, `${top.id}/hug`);
    const box = await inbox(gus);
    expect(box.data.map((n: Json) => [n.kind, n.actors[0].username])).toEqual([['hug', 'hal']]);
    expect((await inbox(hal)).data).toEqual([]);
  });

  it('mark some or all read, and page without overlap', async () => {
    const ivy = await people.user('ivy');
    const tops = [];
    for (let i = 0; i < 5; i++) tops.push(await comment(ivy, `post ${i}`));
    const others = await Promise.all(Array.from({ length: 5 }, () => people.user()));
    for (const [i, top] of tops.entries()) await comment(others[i]!, 'reply', top.id);

    const page1 = await inbox(ivy, '?limit=3');
    expect(page1.unread).toBe(5);
    const page2 = await inbox(ivy, `?limit=3&cursor=${page1.nextCursor}`);
    expect(page2.nextCursor).toBeNull();
    const ids = [...page1.data, ...page2.data].map((n: Json) => n.id);
    expect(new Set(ids).size).toBe(5);

    expect((await markRead(ivy, { ids: ids.slice(0, 2) })).json()).toEqual({ unread: 3 });
    expect((await markRead(ivy, { all: true })).json()).toEqual({ unread: 0 });
    expect((await inbox(ivy)).data.every((n: Json) => n.read)).toBe(true);
  });

  it('refuse a malformed read request and another user’s ids change nothing', async () => {
    const [jo, kim] = [await people.user('jo'), await people.user('kim')];
    const top = await comment(jo, 'x');
    await comment(kim, 'y', top.id);
    const theirs = (await inbox(jo)).data[0].id;
    expect((await markRead(kim, { ids: [theirs] })).json()).toEqual({ unread: 0 });
    expect((await inbox(jo)).unread).toBe(1);
    for (const payload of [
      {},
      { all: false },
      { ids: [] },
      { ids: ['nope'] },
      { ids: [theirs], all: true },
    ]) {
      expect((await markRead(jo, payload)).statusCode).toBe(400);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('show a deleted comment without its text', async () => {
    const [lou, max] = [await people.user('lou'), await people.user('max')];
    const top = await comment(lou, 'x');
    const reply = await comment(max, 'oops, rude', top.id);
    await app.inject({ method: 'DELETE', url: `/api/v1/comments/${reply.id}`, headers: max.headers });
    expect((await inbox(lou)).data[0].comment).toMatchObject({ excerpt: null, deleted: true });
  });
});
