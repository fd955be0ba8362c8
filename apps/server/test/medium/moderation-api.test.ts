import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aComment, socialApp, somePeople, type TestUser } from '../factories/comments.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Reports, the moderators' queue, removals and the audit log. */

let database: TestDatabase;
let app: FastifyInstance;
let people: ReturnType<typeof somePeople>;
let author: TestUser;
let reporter: TestUser;
let listener: TestUser;
let moderator: TestUser;
let admin: TestUser;
let track: BuiltTrack;
const clock = fixedClock(new Date('2026-11-22T10:00:00.000Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  people = somePeople(database.db);
  author = await people.user('author');
  reporter = await people.user('reporter');
  listener = await people.user('listener');
  moderator = await people.user('mod', { role: 'moderator' });
  admin = await people.user('admin', { role: 'admin' });
  track = await aTrack().build(database.db);
  ({ app } = await socialApp(database.db, people.sessions, clock, {
    posting: { max: 1000, timeWindow: '1 minute' },
    reports: { max: 1000, timeWindow: '1 minute' },
  }));
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const call = (user: TestUser, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: Json) => (
  clock.advance(1000),
  app.inject({ method, url, headers: user.headers, payload })
);
const report = (user: TestUser, id: string, payload: Json = { reason: 'abuse', detail: 'rude' }) =>
  call(user, 'POST', `/api/v1/comments/${id}/report`, payload);
const queue = (user: TestUser, query = '') => call(user, 'GET', `/api/v1/moderation/reports${query}`);
const listed = async (id: string): Promise<Json> => {
  const list = await call(
    listener,
    'GET',
    `/api/v1/comments?targetType=track&targetId=${track.id}&sort=new&limit=50`,
  );
  return list.json().data.find((c: Json) => c.id === id);
};
const newComment = (body = 'you are all idiots') =>
  aComment().on('track', track.id).by(author).saying(body).postedAt(clock.now()).build(database.db);

describe('reporting', () => {
  it('files one open report per reporter and comment; a repeat changes nothing', async () => {
    const comment = await newComment();
    const first = await report(reporter, comment.id);
    expect(first.statusCode).toBe(201);
    expect(first.json().data).toEqual({ id: expect.any(String), status: 'open' });
    const again = await report(reporter, comment.id, { reason: 'spam' });
    expect(again.statusCode).toBe(200);
    expect(again.json().data.id).toBe(first.json().data.id);
    expect((await report(listener, comment.id)).statusCode).toBe(201);

    const open = (await queue(moderator)).json().data.filter((r: Json) => r.comment.id === comment.id);
    expect(open).toHaveLength(2);
    expect(open.find((r: Json) => r.reporter.id === reporter.id)).toMatchObject({
      reason: 'abuse',
      detail: 'rude',
      status: 'open',
      resolution: null,
      comment: {
        body: 'you are all idiots',
        status: 'visible',
        author: { id: author.id, username: 'author' },
      },
    });
  });

  it('refuses your own comment, a missing comment, and a reason off the list', async () => {
    const comment = await newComment();
    expect((await report(author, comment.id)).statusCode).toBe(403);
    expect((await report(reporter, randomUUID())).statusCode).toBe(404);
    expect((await report(reporter, comment.id, { reason: 'boring' })).statusCode).toBe(400);
    expect(
      (await report(reporter, comment.id, { reason: 'other', detail: 'x'.repeat(501) })).statusCode,
    ).toBe(400);
  });

  it('is rate limited per user more tightly than posting', async () => {
    const db = await createTestDatabase();
    try {
      const folks = somePeople(db.db);
      const [a, b] = [await folks.user('a'), await folks.user('b')];
      const t = await aTrack().build(db.db);
      const limited = await socialApp(db.db, folks.sessions, clock, {});
      try {
        const statuses = [];
        for (let i = 0; i < 6; i++) {
          const c = await aComment().on('track', t.id).by(a).build(db.db);
          const response = await limited.app.inject({
            method: 'POST',
            url: `/api/v1/comments/${c.id}/report`,
            headers: b.headers,
            payload: { reason: 'spam' },
          });
          statuses.push(response.statusCode);
          if (response.statusCode === 429) expect(response.headers['retry-after']).toBeDefined();
        }
        expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
      } finally {
        await limited.app.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('the report queue', () => {
  it('is for moderators and admins only (403 for listeners, 401 without a session)', async () => {
    expect((await queue(listener)).statusCode).toBe(403);
    expect((await queue(reporter, '?status=resolved')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/moderation/reports' })).statusCode).toBe(401);
    expect((await queue(moderator)).statusCode).toBe(200);
    expect((await queue(admin)).statusCode).toBe(200);
    expect((await call(listener, 'GET', '/api/v1/moderation/audit')).statusCode).toBe(403);
  });

  it('pages newest first without overlap', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await newComment(`bad ${i}`);
      made.push((await report(reporter, c.id, { reason: 'spam' })).json().data.id);
    }
    const page1 = (await queue(moderator, '?limit=3')).json();
    const page2 = (await queue(moderator, `?limit=3&cursor=${page1.nextCursor}`)).json();
    const seen = [...page1.data, ...page2.data].map((r: Json) => r.id);
    expect(seen.slice(0, 5)).toEqual([...made].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('decisions', () => {
  it('remove through a report: the comment is removed, every open report on it closed, the audit says why', async () => {
    const comment = await newComment();
    const reply = await aComment().on('track', track.id).by(listener).replyingTo(comment).build(database.db);
    const filed = (await report(reporter, comment.id)).json().data;
    await report(listener, comment.id, { reason: 'harassment' });

    expect(
      (
        await call(listener, 'POST', `/api/v1/moderation/reports/${filed.id}/resolve`, {
          action: 'remove',
          reason: 'insults',
        })
      ).statusCode,
    ).toBe(403);
    const resolved = await call(moderator, 'POST', `/api/v1/moderation/reports/${filed.id}/resolve`, {
      action: 'remove',
      reason: 'insults',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().data).toMatchObject({
      status: 'resolved',
      resolution: 'removed',
      resolvedBy: { id: moderator.id },
      comment: { status: 'removed', body: 'you are all idiots' },
    });
    const open = (await queue(moderator)).json().data.filter((r: Json) => r.comment.id === comment.id);
    expect(open).toEqual([]);
    const closed = (await queue(moderator, '?status=resolved'))
      .json()
      .data.filter((r: Json) => r.comment.id === comment.id);
    expect(closed).toHaveLength(2);

    expect(await listed(comment.id)).toMatchObject({
      deleted: true,
      status: 'removed',
      body: null,
      author: null,
    });
    const replies = (await call(listener, 'GET', `/api/v1/comments/${comment.id}/replies`)).json();
    expect(replies.data.map((c: Json) => c.id)).toEqual([reply.id]);

    const audit = (await call(admin, 'GET', '/api/v1/moderation/audit')).json().data;
    expect(audit[0]).toMatchObject({
      action: 'remove_comment',
      actor: { id: moderator.id, username: 'mod' },
      commentId: comment.id,
      reportId: filed.id,
      reason: 'insults',
    });

    const twice = await call(moderator, 'POST', `/api/v1/moderation/reports/${filed.id}/resolve`, {
      action: 'dismiss',
      reason: 'x',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('dismiss: the comment stays, the reports close, the audit says why', async () => {
    const comment = await newComment('a fair critique');
    const filed = (await report(reporter, comment.id)).json().data;
    const resolved = await call(admin, 'POST', `/api/v1/moderation/reports/${filed.id}/resolve`, {
      action: 'dismiss',
      reason: 'criticism is allowed',
    });
    expect(resolved.json().data).toMatchObject({ status: 'resolved', resolution: 'dismissed' });
    expect(await listed(comment.id)).toMatchObject({ deleted: false, body: 'a fair critique' });
    const audit = (await call(moderator, 'GET', '/api/v1/moderation/audit')).json().data;
    expect(audit[0]).toMatchObject({
      action: 'dismiss_report',
      reportId: filed.id,
      reason: 'criticism is allowed',
    });
    // The reporter may report it again later: a new report opens.
    expect((await report(reporter, comment.id)).statusCode).toBe(201);
  });

  it('direct removal by staff needs a reason and is audited; listeners cannot; authors cannot undo it', async () => {
    const comment = await newComment();
    const url = `/api/v1/moderation/comments/${comment.id}/remove`;
    expect((await call(listener, 'POST', url, { reason: 'no' })).statusCode).toBe(403);
    expect((await call(moderator, 'POST', url, {})).statusCode).toBe(400);
    expect((await call(moderator, 'POST', url, { reason: '   ' })).statusCode).toBe(400);
    // Staff do not remove through the author's delete.
    expect((await call(moderator, 'DELETE', `/api/v1/comments/${comment.id}`)).statusCode).toBe(403);

    expect((await call(moderator, 'POST', url, { reason: 'spam link' })).json()).toEqual({ ok: true });
    expect(await listed(comment.id)).toBeUndefined(); // removed, no replies: gone from the list
    const audit = (await call(moderator, 'GET', '/api/v1/moderation/audit')).json().data;
    expect(audit[0]).toMatchObject({
      action: 'remove_comment',
      commentId: comment.id,
      reportId: null,
      reason: 'spam link',
    });

    // Removing again changes nothing and records nothing.
    expect((await call(admin, 'POST', url, { reason: 'again' })).statusCode).toBe(200);
    const after = (await call(moderator, 'GET', '/api/v1/moderation/audit')).json().data;
    expect(after[0].id).toBe(audit[0].id);
    expect(
      (await call(moderator, 'POST', `/api/v1/moderation/comments/${randomUUID()}/remove`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('shows staff the remove ability and listeners the report ability', async () => {
    const comment = await newComment('neutral');
    const asModerator = (
      await call(moderator, 'GET', `/api/v1/comments?targetType=track&targetId=${track.id}&sort=new&limit=1`)
    ).json();
    expect(asModerator.data[0].abilities).toEqual({ delete: false, remove: true, report: true });
    expect((await listed(comment.id)).abilities).toEqual({ delete: false, remove: false, report: true });
  });
});
