import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotScore } from '../../src/modules/comments/hot-score.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aComment, socialApp, somePeople, type SocialApp, type TestUser } from '../factories/comments.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Likes and hugs: idempotent, exact under concurrency, hugs private to the author. */

let database: TestDatabase;
let social: SocialApp;
let app: FastifyInstance;
let people: ReturnType<typeof somePeople>;
let author: TestUser;
let fan: TestUser;
let track: BuiltTrack;
const clock = fixedClock(new Date('2026-11-22T10:00:00.000Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  people = somePeople(database.db);
  author = await people.user('author');
  fan = await people.user('fan');
  track = await aTrack().build(database.db);
  social = await socialApp(database.db, people.sessions, clock);
  app = social.app;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const like = (user: TestUser, id: string, method: 'POST' | 'DELETE' = 'POST') =>
  app.inject({ method, url: `/api/v1/comments/${id}/like`, headers: user.headers });
const hug = (user: TestUser, id: string) =>
  app.inject({ method: 'POST', url: `/api/v1/comments/${id}/hug`, headers: user.headers });
const newComment = () => aComment().on('track', track.id).by(author).postedAt(clock.now()).build(database.db);

async function shown(user: TestUser, id: string) {
  const list = await app.inject({
    method: 'GET',
    url: `/api/v1/comments?targetType=track&targetId=${track.id}&sort=new&limit=50`,
    headers: user.headers,
  });
  return list.json().data.find((c: { id: string }) => c.id === id);
}

async function stored(id: string) {
  return database.db
    .selectFrom('comments')
    .select(['likeCount', 'hugCount', 'hotScore', 'replyCount', 'createdAt'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('likes', () => {
  it('count exactly when 100 people like the same comment at once', async () => {
    const comment = await newComment();
    const likers = await Promise.all(Array.from({ length: 100 }, () => people.user()));
    const responses = await Promise.all(likers.map((u) => like(u, comment.id)));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect((await stored(comment.id)).likeCount).toBe(100);
    // Every response saw a count no one else saw: each like moved the counter once.
    const counts = responses.map((r) => r.json().data.likeCount as number).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

    // All of them again, with half taking their like back at the same time.
    await Promise.all(likers.map((u, i) => like(u, comment.id, i % 2 ? 'DELETE' : 'POST')));
    const rows = await database.db
      .selectFrom('commentLikes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('commentId', '=', comment.id)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(50);
    expect((await stored(comment.id)).likeCount).toBe(50);
  });

  it('are idempotent both ways, and the viewer sees their own like', async () => {
    const comment = await newComment();
    expect((await like(fan, comment.id)).json().data).toEqual({ liked: true, likeCount: 1 });
    expect((await like(fan, comment.id)).json().data).toEqual({ liked: true, likeCount: 1 });
    expect(await shown(fan, comment.id)).toMatchObject({ liked: true, likeCount: 1 });
    expect(await shown(author, comment.id)).toMatchObject({ liked: false, likeCount: 1 });
    expect((await like(fan, comment.id, 'DELETE')).json().data).toEqual({ liked: false, likeCount: 0 });
    expect((await like(fan, comment.id, 'DELETE')).json().data).toEqual({ liked: false, likeCount: 0 });
  });

  it('answer 404 for a comment that does not exist or was deleted', async () => {
    expect((await like(fan, randomUUID())).statusCode).toBe(404);
    const comment = await newComment();
    await app.inject({ method: 'DELETE', url: `/api/v1/comments/${comment.id}`, headers: author.headers });
    const response = await like(fan, comment.id);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('comment_not_found');
  });

  it('store the hot score of the documented formula, and the refresh keeps it current', async () => {
    const comment = await newComment();
    const likers = await Promise.all(Array.from({ length: 7 }, () => people.user()));
    clock.advance(5 * 3_600_000);
    for (const u of likers) await like(u, comment.id);
    await aComment()
      .on('track', track.id)
      .by(fan)
      .replyingTo(comment)
      .postedAt(clock.now())
      .build(database.db);
    let row = await stored(comment.id);
    const expected = (now: Date) =>
      hotScore({ likes: 7, replies: 1, ageMs: now.getTime() - row.createdAt.getTime() });
    expect(row.hotScore).toBeCloseTo(expected(clock.now()), 9);

    clock.advance(3 * 86_400_000);
    const { rescored } = await social.comments.refreshHotScores();
    expect(rescored).toBeGreaterThan(0);
    row = await stored(comment.id);
    expect(row.hotScore).toBeCloseTo(expected(clock.now()), 9);
  });

  it('work on a comment posted years ago (its freshness long spent)', async () => {
    const old = await aComment()
      .on('track', track.id)
      .by(author)
      .postedAt(new Date(clock.now().getTime() - 6 * 365 * 86_400_000))
      .build(database.db);
    expect((await like(fan, old.id)).json().data).toEqual({ liked: true, likeCount: 1 });
    expect((await stored(old.id)).hotScore).toBeCloseTo(Math.log2(3), 9);
  });
});

describe('hugs', () => {
  it('are given once, and only the author sees how many', async () => {
    const comment = await newComment();
    const other = await people.user();
    expect((await hug(fan, comment.id)).json().data).toEqual({ hugged: true });
    expect((await hug(fan, comment.id)).json().data).toEqual({ hugged: true });
    await hug(other, comment.id);
    expect((await stored(comment.id)).hugCount).toBe(2);

    expect(await shown(author, comment.id)).toMatchObject({ hugCount: 2, hugged: false });
    expect(await shown(fan, comment.id)).toMatchObject({ hugCount: null, hugged: true });
    const moderator = await people.user(undefined, { role: 'admin' });
    expect(await shown(moderator, comment.id)).toMatchObject({ hugCount: null, hugged: false });
  });

  it('cannot be given to your own comment', async () => {
    const comment = await newComment();
    const response = await hug(author, comment.id);
    expect(response.statusCode).toBe(403);
    expect((await stored(comment.id)).hugCount).toBe(0);
  });

  it('do not change the hot rank', async () => {
    const comment = await newComment();
    const before = (await stored(comment.id)).hotScore;
    await hug(fan, comment.id);
    expect((await stored(comment.id)).hotScore).toBe(before);
  });
});
