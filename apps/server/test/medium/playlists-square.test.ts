import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityScore } from '../../src/modules/playlists/playlist-ranking.ts';
import { aPlaylist, aUser, manyTracks, type BuiltUser } from '../factories/playlists.ts';
import { playlistsTestApp, type PlaylistsTestApp } from '../support/playlists-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The playlist square (tags, hot, new, quality), subscriptions, and users' playlist lists. */

let database: TestDatabase;
let t: PlaylistsTestApp;
let alice: BuiltUser;
let bob: BuiltUser;
let carol: BuiltUser;
let fans: BuiltUser[];
let tracks: string[];

const DAY = 24 * 60 * 60 * 1000;
const ids = (body: { data: { id: string }[] }) => body.data.map((p) => p.id);

beforeAll(async () => {
  database = await createTestDatabase();
  alice = await aUser(database.db, 'alice');
  bob = await aUser(database.db, 'bob');
  carol = await aUser(database.db, 'carol');
  fans = await Promise.all(Array.from({ length: 6 }, (_, i) => aUser(database.db, `fan_${i}`)));
  tracks = await manyTracks(database.db, 3);
  t = await playlistsTestApp(database.db, [alice, bob, carol, ...fans]);
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

/** Each describe works on its own tag so the lists of one do not disturb another. */
function listed(tag: string, sort: string, extra = '') {
  return t.call(carol, 'GET', `/api/v1/playlists?tag=${tag}&sort=${sort}${extra}`);
}

describe('the square by tag and newest', () => {
  it('lists public playlists with tracks that carry the tag, newest first, paged without overlap', async () => {
    const now = t.clock.now().getTime();
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await aPlaylist()
          .ownedBy(alice)
          .tagged('mandarin', 'folk')
          .withTracks(tracks)
          .createdAtTime(new Date(now - (5 - i) * DAY))
          .build(database.db),
      );
    }
    await aPlaylist().ownedBy(alice).tagged('rock').withTracks(tracks).build(database.db);
    await aPlaylist().ownedBy(alice).tagged('folk').build(database.db); // empty: not on the square

    const first = (await listed('folk', 'new', '&limit=2')).json();
    const second = (await listed('folk', 'new', `&limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await listed('folk', 'new', `&limit=2&cursor=${second.nextCursor}`)).json();
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(made.map((p) => p.id).reverse());
    expect(third.nextCursor).toBeNull();
  });

  it('refuses an unknown tag, a bad sort, a limit over 100 and a cursor of another sort', async () => {
    expect((await listed('华语', 'new')).json().error.code).toBe('unknown_tag');
    expect((await listed('folk', 'random')).statusCode).toBe(400);
    expect((await listed('folk', 'new', '&limit=101')).statusCode).toBe(400);
    const { nextCursor } = (await listed('folk', 'new', '&limit=1')).json();
    const response = await listed('folk', 'hot', `&cursor=${nextCursor}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_cursor');
  });
});

describe('hot', () => {
  it('puts recent plays and subscriptions first, and lets old activity fade', async () => {
    const now = t.clock.now();
    const old = await aPlaylist()
      .ownedBy(alice)
      .named('old hit')
      .tagged('jazz')
      .withTracks(tracks)
      .build(database.db);
    const fresh = await aPlaylist()
      .ownedBy(alice)
      .named('fresh')
      .tagged('jazz')
      .withTracks(tracks)
      .build(database.db);
    const quiet = await aPlaylist()
      .ownedBy(alice)
      .named('quiet')
      .tagged('jazz')
      .withTracks(tracks)
      .build(database.db);

    // 20 plays a month ago weigh 20·e^-10 ≈ 0.0009 now; 2 plays today weigh 2.
    await t.playlists.recordPlays(
      Array.from({ length: 20 }, () => ({ playlistId: old.id, at: new Date(now.getTime() - 30 * DAY) })),
    );
    await t.playlists.recordPlays([
      { playlistId: fresh.id, at: now },
      { playlistId: fresh.id, at: now },
    ]);
    expect(ids((await listed('jazz', 'hot')).json())).toEqual([fresh.id, old.id, quiet.id]);

    // Three subscriptions today overtake two plays today.
    for (const fan of fans.slice(0, 3)) {
      expect((await t.call(fan, 'POST', `/api/v1/playlists/${quiet.id}/subscription`)).statusCode).toBe(200);
    }
    const body = (await listed('jazz', 'hot')).json();
    expect(ids(body)).toEqual([quiet.id, fresh.id, old.id]);
    expect(body.data.find((p: { id: string }) => p.id === old.id).playCount).toBe(20);
  });

  it('pages by the stored score without overlap or gaps', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) {
      const playlist = await aPlaylist().ownedBy(bob).tagged('blues').withTracks(tracks).build(database.db);
      await t.playlists.recordPlays(
        Array.from({ length: i }, () => ({ playlistId: playlist.id, at: t.clock.now() })),
      );
      made.push(playlist.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { data: { id: string }[]; nextCursor: string | null } = (
        await listed('blues', 'hot', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...ids(body));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it('ignores plays that name no playlist', async () => {
    await expect(
      t.playlists.recordPlays([
        { playlistId: 'garbage', at: t.clock.now() },
        { playlistId: tracks[0]!, at: t.clock.now() },
      ]),
    ).resolves.toBeUndefined();
  });
});

describe('quality', () => {
  it('ranks by subscribers relative to age, as qualityScore says, and skips lists nobody collected', async () => {
    const now = t.clock.now();
    const specs = [
      { name: 'classic', ageDays: 300, subscribers: 6 },
      { name: 'rising', ageDays: 1, subscribers: 3 },
      { name: 'steady', ageDays: 20, subscribers: 5 },
      { name: 'unloved', ageDays: 2, subscribers: 0 },
    ];
    const made: ((typeof specs)[number] & { id: string; score: number })[] = [];
    for (const spec of specs) {
      const createdAt = new Date(now.getTime() - spec.ageDays * DAY);
      const playlist = await aPlaylist()
        .ownedBy(alice)
        .named(spec.name)
        .tagged('ktv')
        .withTracks(tracks)
        .createdAtTime(createdAt)
        .subscribedBy(...fans.slice(0, spec.subscribers))
        .build(database.db);
      made.push({ ...spec, id: playlist.id, score: qualityScore(spec.subscribers, createdAt, now) });
    }
    const expected = made
      .filter((p) => p.subscribers > 0)
      .sort((a, b) => b.score - a.score)
      .map((p) => p.id);
    expect(expected.map((id) => made.find((p) => p.id === id)!.name)).toEqual([
      'rising',
      'steady',
      'classic',
    ]);

    const first = (await listed('ktv', 'quality', '&limit=2')).json();
    // Time passing between pages must not reshuffle them: the cursor keeps the moment.
    t.clock.advance(400 * DAY);
    const second = (await listed('ktv', 'quality', `&limit=2&cursor=${first.nextCursor}`)).json();
    t.clock.set(now);
    expect([...ids(first), ...ids(second)]).toEqual(expected);
    expect(second.nextCursor).toBeNull();
  });
});

describe('subscriptions', () => {
  it('subscribes and unsubscribes idempotently, with the count and flag the viewer sees', async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(tracks).build(database.db);
    const path = `/api/v1/playlists/${id}/subscription`;
    expect((await t.call(bob, 'POST', path)).json().data).toEqual({ subscribed: true, subscriberCount: 1 });
    expect((await t.call(bob, 'POST', path)).json().data).toEqual({ subscribed: true, subscriberCount: 1 });
    expect((await t.call(carol, 'POST', path)).json().data).toEqual({ subscribed: true, subscriberCount: 2 });
    const seenByBob = (await t.call(bob, 'GET', `/api/v1/playlists/${id}`)).json().data;
    expect(seenByBob).toMatchObject({ subscribed: true, subscriberCount: 2 });
    expect((await t.call(alice, 'GET', `/api/v1/playlists/${id}`)).json().data.subscribed).toBe(false);

    expect((await t.call(bob, 'DELETE', path)).json().data).toEqual({
      subscribed: false,
      subscriberCount: 1,
    });
    expect((await t.call(bob, 'DELETE', path)).json().data).toEqual({
      subscribed: false,
      subscriberCount: 1,
    });
  });

  it('takes a subscription back out of the hot score on unsubscribe, so a loop pumps nothing', async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(tracks).build(database.db);
    await t.playlists.recordPlays([{ playlistId: id, at: t.clock.now() }]);
    const score = async () =>
      (
        await database.db
          .selectFrom('playlists')
          .select('hotScore')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).hotScore;
    const before = await score();
    for (let i = 0; i < 10; i++) {
      t.clock.advance(60_000);
      await t.call(bob, 'POST', `/api/v1/playlists/${id}/subscription`);
      expect(await score()).toBeGreaterThan(before);
      await t.call(bob, 'DELETE', `/api/v1/playlists/${id}/subscription`);
    }
    expect(await score()).toBeCloseTo(before, 9);
  });

  it('refuses subscribing to your own playlist with 400', async () => {
    const { id } = await aPlaylist().ownedBy(alice).build(database.db);
    const response = await t.call(alice, 'POST', `/api/v1/playlists/${id}/subscription`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('own_playlist');
  });

  it('lists subscribers, most recent first, page by page', async () => {
    const { id } = await aPlaylist().ownedBy(alice).withTracks(tracks).build(database.db);
    for (const fan of fans) {
      t.clock.advance(1000);
      await t.call(fan, 'POST', `/api/v1/playlists/${id}/subscription`);
    }
    const first = (await t.call(alice, 'GET', `/api/v1/playlists/${id}/subscribers?limit=4`)).json();
    const second = (
      await t.call(alice, 'GET', `/api/v1/playlists/${id}/subscribers?limit=4&cursor=${first.nextCursor}`)
    ).json();
    expect([...ids(first), ...ids(second)]).toEqual(fans.map((f) => f.id).reverse());
    expect(first.data[0]).toEqual({
      id: fans[5]!.id,
      username: 'fan_5',
      nickname: 'fan_5',
      avatarUrl: null,
      subscribedAt: t.clock.now().toISOString(),
    });
    expect(second.nextCursor).toBeNull();
  });
});

describe("a user's playlists", () => {
  it('lists created and subscribed playlists with totals, and the caller their own', async () => {
    const dave = await aUser(database.db, 'dave');
    const erin = await aUser(database.db, 'erin');
    const local = await playlistsTestApp(database.db, [dave, erin]);
    try {
      const made = [];
      for (let i = 0; i < 3; i++) {
        made.push(
          await aPlaylist()
            .ownedBy(dave)
            .createdAtTime(new Date(Date.UTC(2026, 10, 1 + i)))
            .build(database.db),
        );
      }
      const theirs = await aPlaylist().ownedBy(erin).build(database.db);
      await local.call(dave, 'POST', `/api/v1/playlists/${theirs.id}/subscription`);

      const first = (await local.call(erin, 'GET', `/api/v1/users/${dave.id}/playlists?limit=2`)).json();
      expect(first.total).toBe(3);
      const second = (
        await local.call(erin, 'GET', `/api/v1/users/${dave.id}/playlists?limit=2&cursor=${first.nextCursor}`)
      ).json();
      expect([...ids(first), ...ids(second)]).toEqual(made.map((p) => p.id).reverse());

      const subscribed = (
        await local.call(erin, 'GET', `/api/v1/users/${dave.id}/playlists?kind=subscribed`)
      ).json();
      expect(subscribed).toMatchObject({ total: 1, nextCursor: null });
      expect(subscribed.data[0]).toMatchObject({
        id: theirs.id,
        abilities: { update: true, subscribe: false },
      });

      const mine = (await local.call(dave, 'GET', '/api/v1/me/playlists')).json().data;
      expect(ids({ data: mine.created })).toEqual(made.map((p) => p.id).reverse());
      expect(ids({ data: mine.subscribed })).toEqual([theirs.id]);
      expect(mine.subscribed[0].subscribed).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('answers 404 for an unknown user', async () => {
    for (const id of ['2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e', 'nobody']) {
      const response = await t.call(carol, 'GET', `/api/v1/users/${id}/playlists`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('user_not_found');
    }
  });
});
