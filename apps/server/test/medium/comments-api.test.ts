import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, anAlbum, lyricsFor, type BuiltTrack } from '../factories/catalog.ts';
import { aComment, socialApp, somePeople, type TestUser } from '../factories/comments.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Posting, listing and threads over HTTP: what a listener sees on a track page. */

let database: TestDatabase;
let app: FastifyInstance;
let refreshHotScores: () => Promise<unknown>;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let track: BuiltTrack;
const clock = fixedClock(new Date('2026-11-22T10:00:00.000Z'));

beforeAll(async () => {
  database = await createTestDatabase();
  const people = somePeople(database.db);
  alice = await people.user('alice', { nickname: '爱丽丝' });
  bob = await people.user('bob.smith', { nickname: 'Bob' });
  carol = await people.user('carol');
  track = await aTrack().titled('晴天').build(database.db);
  const social = await socialApp(database.db, people.sessions, clock);
  app = social.app;
  refreshHotScores = social.comments.refreshHotScores;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Posts a second after the previous post, so "newest first" has an order to show. */
async function post(user: TestUser, payload: Json) {
  clock.advance(1000);
  return app.inject({ method: 'POST', url: '/api/v1/comments', headers: user.headers, payload });
}

async function get(user: TestUser, url: string) {
  return app.inject({ method: 'GET', url, headers: user.headers });
}

const onTrack = (t: { id: string }, body: string, extra: Json = {}) => ({
  targetType: 'track',
  targetId: t.id,
  body,
  ...extra,
});

describe('POST /api/v1/comments', () => {
  it('posts a comment and answers 201 with it, as its author sees it', async () => {
    const response = await post(alice, onTrack(track, '  青春是一场大雨 😀  '));
    expect(response.statusCode).toBe(201);
    expect(response.json().data).toEqual({
      id: expect.any(String),
      targetType: 'track',
      targetId: track.id,
      lineIndex: null,
      quotedLine: null,
      parentId: null,
      author: { id: alice.id, username: 'alice', nickname: '爱丽丝', avatarUrl: null },
      body: '青春是一场大雨 😀',
      mentions: [],
      likeCount: 0,
      replyCount: 0,
      hugCount: 0,
      liked: false,
      hugged: false,
      replyTo: null,
      createdAt: clock.now().toISOString(), // the clock of the server, injected
      deleted: false,
      status: 'visible',
      abilities: { delete: true, remove: false, report: false },
    });
  });

  it('needs a logged-in user', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      payload: onTrack(track, 'hi'),
    });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\u3000 '],
    ['over 1,000 characters', 'a'.repeat(1001)],
    ['over 1,000 emoji', '😀'.repeat(1001)],
    ['a NUL character', 'a\u0000b'],
  ])('refuses a body that is %s with 400 naming the field', async (_name, body) => {
    const response = await post(alice, onTrack(track, body));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.fields[0].path).toBe('body.body');
  });

  it('accepts exactly 1,000 emoji', async () => {
    expect((await post(alice, onTrack(track, '😀'.repeat(1000)))).statusCode).toBe(201);
  });

  it('answers 404 for a track or album that does not exist, and 400 for a malformed id', async () => {
    for (const targetType of ['track', 'album', 'playlist', 'lyric']) {
      const payload = {
        targetType,
        targetId: randomUUID(),
        body: 'hi',
        ...(targetType === 'lyric' ? { lineIndex: 0 } : {}),
      };
      const response = await post(alice, payload);
      expect(response.statusCode, targetType).toBe(404);
    }
    expect((await post(alice, { targetType: 'track', targetId: 'nope', body: 'hi' })).statusCode).toBe(400);
    expect((await post(alice, { targetType: 'post', targetId: randomUUID(), body: 'hi' })).statusCode).toBe(
      400,
    );
  });

  it('comments on an album', async () => {
    const album = await anAlbum().build(database.db);
    const response = await post(bob, { targetType: 'album', targetId: album.id, body: 'classic' });
    expect(response.statusCode).toBe(201);
    const list = (await get(bob, `/api/v1/comments?targetType=album&targetId=${album.id}`)).json();
    expect(list.total).toBe(1);
    expect(list.data[0].body).toBe('classic');
  });

  it('returns stored-XSS payloads verbatim, as JSON text', async () => {
    const xss = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; "quotes" \'single\'';
    const created = (await post(bob, onTrack(track, xss))).json().data;
    expect(created.body).toBe(xss);
    const response = await get(
      alice,
      `/api/v1/comments?targetType=track&targetId=${track.id}&sort=new&limit=1`,
    );
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json().data[0].body).toBe(xss);
  });

  it('creates one comment for repeated submissions with the same idempotency key', async () => {
    const t = await aTrack().build(database.db);
    const payload = onTrack(t, 'once', { idempotencyKey: 'tap-123' });
    const responses = await Promise.all([post(carol, payload), post(carol, payload), post(carol, payload)]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 200, 201]);
    expect(new Set(responses.map((r) => r.json().data.id)).size).toBe(1);
    const list = (await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}`)).json();
    expect(list.total).toBe(1);
    expect(list.data).toHaveLength(1);
    // The key is the author's own: someone else's identical key is another comment.
    expect((await post(bob, payload)).statusCode).toBe(201);
  });

  it('stores mentions of real users and shows them', async () => {
    const response = await post(
      alice,
      onTrack(track, '@bob.smith 和 @Carol 听这首! @nobody_here mail@carol.com'),
    );
    expect(response.json().data.mentions).toEqual([
      { id: bob.id, username: 'bob.smith' },
      { id: carol.id, username: 'carol' },
    ]);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a user has posted 10 comments in a minute', async () => {
    const db = await createTestDatabase();
    try {
      const people = somePeople(db.db);
      const eager = await people.user('eager');
      const other = await people.user('other');
      const t = await aTrack().build(db.db);
      const limited = await socialApp(db.db, people.sessions, clock, {});
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 11; i++) {
          const response = await limited.app.inject({
            method: 'POST',
            url: '/api/v1/comments',
            headers: eager.headers,
            payload: onTrack(t, `comment ${i}`),
          });
          statuses.push(response.statusCode);
          if (i === 10) {
            expect(response.json().error.code).toBe('rate_limited');
            expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
          }
        }
        expect(statuses).toEqual([...Array(10).fill(201), 429]);
        // Per user: someone else on the same address still posts.
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/comments',
          headers: other.headers,
          payload: onTrack(t, 'mine'),
        });
        expect(response.statusCode).toBe(201);
      } finally {
        await limited.app.close();
      }
    } finally {
      await db.drop();
    }
  });
});

describe('GET /api/v1/comments', () => {
  let t: BuiltTrack;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await aTrack().build(database.db);
    for (let i = 0; i < 25; i++) {
      const at = new Date(clock.now().getTime() - (25 - i) * 60_000);
      ids.push(
        (
          await aComment()
            .on('track', t.id)
            .by(i % 2 ? alice : bob)
            .saying(`#${i}`)
            .postedAt(at)
            .build(database.db)
        ).id,
      );
    }
    // Scores written at posting time fade with age; the scheduler's refresh brings them current.
    await refreshHotScores();
  });

  it('pages through the newest first, without overlap or gaps, with the total on every page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/comments?targetType=track&targetId=${t.id}&sort=new&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await get(carol, url)).json();
      expect(body.total).toBe(25);
      seen.push(...body.data.map((c: Json) => c.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('puts liked comments first in hot, and mixes unnoticed ones into recommended', async () => {
    for (const liker of [alice, bob, carol]) {
      await app.inject({ method: 'POST', url: `/api/v1/comments/${ids[3]}/like`, headers: liker.headers });
    }
    await app.inject({ method: 'POST', url: `/api/v1/comments/${ids[7]}/like`, headers: carol.headers });
    const hot = (
      await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}&sort=hot&limit=3`)
    ).json();
    expect(hot.data.map((c: Json) => c.id).slice(0, 2)).toEqual([ids[3], ids[7]]);
    expect(hot.data[0].likeCount).toBe(3);
    expect(hot.data[0].liked).toBe(true);

    const recommended = (
      await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}&sort=recommended&limit=8`)
    ).json();
    const got = recommended.data.map((c: Json) => c.id);
    // Two comments have likes; the rest are fresh voices, newest first.
    expect(got.slice(0, 2)).toEqual([ids[3], ids[7]]);
    expect(got.slice(2)).toEqual([ids[24], ids[23], ids[22], ids[21], ids[20], ids[19]]);

    // Paging recommended visits every comment exactly once.
    const seen = [...got];
    let cursor = recommended.nextCursor;
    while (cursor) {
      const page = (
        await get(
          carol,
          `/api/v1/comments?targetType=track&targetId=${t.id}&sort=recommended&limit=8&cursor=${cursor}`,
        )
      ).json();
      seen.push(...page.data.map((c: Json) => c.id));
      cursor = page.nextCursor;
    }
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('refuses a cursor from another list or sort, and a forged one', async () => {
    const first = (
      await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}&sort=new&limit=5`)
    ).json();
    for (const url of [
      `/api/v1/comments?targetType=track&targetId=${t.id}&sort=hot&cursor=${first.nextCursor}`,
      `/api/v1/comments?targetType=track&targetId=${track.id}&sort=new&cursor=${first.nextCursor}`,
      `/api/v1/comments?targetType=track&targetId=${t.id}&sort=new&cursor=bm90LWEtY3Vyc29y`,
    ]) {
      const response = await get(carol, url);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_cursor');
    }
  });

  it('answers 404 for a target that does not exist and 400 for a limit over 50', async () => {
    expect((await get(carol, `/api/v1/comments?targetType=track&targetId=${randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect((await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}&limit=51`)).statusCode).toBe(
      400,
    );
  });
});

describe('reply threads', () => {
  it('keeps replies flat under the top comment, quoting the reply answered, paged oldest first', async () => {
    const t = await aTrack().build(database.db);
    const top = (await post(alice, onTrack(t, 'top'))).json().data;
    const first = (await post(bob, onTrack(t, 'first reply', { parentId: top.id }))).json().data;
    expect(first).toMatchObject({ parentId: top.id, replyTo: null });
    const answer = (await post(carol, onTrack(t, 'answering bob', { parentId: first.id }))).json().data;
    expect(answer.parentId).toBe(top.id);
    expect(answer.replyTo).toEqual({
      id: first.id,
      authorNickname: 'Bob',
      excerpt: 'first reply',
      deleted: false,
    });
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await post(alice, onTrack(t, `floor ${i}`, { parentId: top.id }));
    }

    const list = (await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}&sort=new`)).json();
    expect(list.data).toHaveLength(1); // replies are not top-level comments
    expect(list.data[0].replyCount).toBe(7);
    expect(list.total).toBe(8); // …but they count

    const page1 = (await get(carol, `/api/v1/comments/${top.id}/replies?limit=4`)).json();
    expect(page1.total).toBe(7);
    const page2 = (
      await get(carol, `/api/v1/comments/${top.id}/replies?limit=4&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.nextCursor).toBeNull();
    const bodies = [...page1.data, ...page2.data].map((c: Json) => c.body);
    expect(bodies).toEqual([
      'first reply',
      'answering bob',
      'floor 0',
      'floor 1',
      'floor 2',
      'floor 3',
      'floor 4',
    ]);
  });

  it('refuses a reply on another target than its parent, or to a comment that does not exist', async () => {
    const t = await aTrack().build(database.db);
    const top = (await post(alice, onTrack(t, 'top'))).json().data;
    const elsewhere = await post(bob, onTrack(track, 'x', { parentId: top.id }));
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.code).toBe('parent_target_mismatch');
    const missing = await post(bob, onTrack(t, 'x', { parentId: randomUUID() }));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('comment_not_found');
  });
});

describe('deleting your own comment', () => {
  it('keeps the replies and shows the comment as deleted, without its text or author', async () => {
    const t = await aTrack().build(database.db);
    const top = (await post(alice, onTrack(t, 'regrettable'))).json().data;
    const reply = (await post(bob, onTrack(t, 'nice', { parentId: top.id }))).json().data;
    const quoting = (await post(carol, onTrack(t, 'agree', { parentId: reply.id }))).json().data;

    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: bob.headers }))
        .statusCode,
    ).toBe(403);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/comments/${top.id}`,
      headers: alice.headers,
    });
    expect(deleted.statusCode).toBe(200);
    // Deleting again changes nothing.
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/comments/${top.id}`, headers: alice.headers }))
        .statusCode,
    ).toBe(200);

    const list = (await get(carol, `/api/v1/comments?targetType=track&targetId=${t.id}&sort=new`)).json();
    expect(list.total).toBe(2);
    expect(list.data[0]).toMatchObject({
      id: top.id,
      deleted: true,
      status: 'deleted',
      body: null,
      author: null,
      mentions: [],
    });
    expect(list.data[0].abilities).toEqual({ delete: false, remove: false, report: false });
    const replies = (await get(carol, `/api/v1/comments/${top.id}/replies`)).json();
    expect(replies.data.map((c: Json) => c.id)).toEqual([reply.id, quoting.id]);

    await app.inject({ method: 'DELETE', url: `/api/v1/comments/${reply.id}`, headers: bob.headers });
    const after = (await get(carol, `/api/v1/comments/${top.id}/replies`)).json();
    expect(after.data[0]).toMatchObject({ id: reply.id, deleted: true, body: null });
    expect(after.data[1].replyTo).toEqual({
      id: reply.id,
      authorNickname: null,
      excerpt: null,
      deleted: true,
    });
    expect(after.total).toBe(1);
  });

  it('drops a deleted comment without replies from the lists', async () => {
    const t = await aTrack().build(database.db);
    const lonely = (await post(alice, onTrack(t, 'lonely'))).json().data;
    await app.inject({ method: 'DELETE', url: `/api/v1/comments/${lonely.id}`, headers: alice.headers });
    for (const sort of ['new', 'hot', 'recommended']) {
      const list = (await get(bob, `/api/v1/comments?targetType=track&targetId=${t.id}&sort=${sort}`)).json();
      expect(list).toEqual({ data: [], nextCursor: null, total: 0 });
    }
  });
});

describe('lyric-line comments', () => {
  it('quote the line, count per line, and filter by line', async () => {
    const t = await aTrack().build(database.db);
    await lyricsFor(t)
      .lines([
        { timeMs: 0, text: '故事的小黄花' },
        { timeMs: 4000, text: '' },
        { timeMs: 8000, text: '从出生那年就飘着' },
      ])
      .build(database.db);
    const onLine = (lineIndex: number, body: string, extra: Json = {}) =>
      post(alice, { targetType: 'lyric', targetId: t.id, lineIndex, body, ...extra });

    const first = await onLine(2, '这句最好听');
    expect(first.statusCode).toBe(201);
    expect(first.json().data).toMatchObject({
      targetType: 'lyric',
      lineIndex: 2,
      quotedLine: '从出生那年就飘着',
    });
    await onLine(2, '同感');
    await onLine(0, '开头');
    await post(bob, { targetType: 'lyric', targetId: t.id, body: 'reply', parentId: first.json().data.id });

    for (const [lineIndex, code] of [
      [1, 'lyric_line_not_found'],
      [3, 'lyric_line_not_found'],
    ] as const) {
      const response = await onLine(lineIndex, 'x');
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe(code);
    }
    expect((await post(alice, { targetType: 'lyric', targetId: t.id, body: 'x' })).json().error.code).toBe(
      'line_index_required',
    );
    expect((await post(alice, onTrack(t, 'x', { lineIndex: 0 }))).json().error.code).toBe(
      'line_index_not_allowed',
    );

    const counts = (await get(bob, `/api/v1/tracks/${t.id}/lyric-comment-counts`)).json();
    expect(counts).toEqual({
      counts: [
        { lineIndex: 0, count: 1 },
        { lineIndex: 2, count: 3 },
      ],
    });
    const line2 = (
      await get(bob, `/api/v1/comments?targetType=lyric&targetId=${t.id}&lineIndex=2&sort=new`)
    ).json();
    expect(line2.total).toBe(3);
    expect(line2.data.map((c: Json) => c.body)).toEqual(['同感', '这句最好听']);
    expect((await get(bob, `/api/v1/tracks/${randomUUID()}/lyric-comment-counts`)).statusCode).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('describes the comment, notification and moderation routes and hides the WebSocket', () => {
    const document = app.swagger() as {
      paths?: Record<string, unknown>;
      components?: { schemas?: Record<string, unknown> };
    };
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'Comment',
        'CommentPage',
        'Notification',
        'CommentReport',
        'LyricCommentCounts',
      ]),
    );
    expect(Object.keys(document.paths ?? {})).toEqual(
      expect.arrayContaining([
        '/api/v1/comments',
        '/api/v1/comments/{id}/replies',
        '/api/v1/notifications',
        '/api/v1/moderation/reports',
      ]),
    );
    expect(Object.keys(document.paths ?? {})).not.toContain('/api/v1/ws');
  });
});
