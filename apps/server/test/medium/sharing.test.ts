import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/auth-context.ts';
import { FeedbackRepository } from '../../src/modules/recommend/feedback.repository.ts';
import { createSharingModule } from '../../src/modules/sharing/sharing.module.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aUser, signedIn, type BuiltUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Sharing a track: each share is recorded and counted, the count is public, and the recommender
 * reads a user's shares as one endorsement per track (since the taste reset), which also lifts
 * an earlier trip to the bin.
 */

const clock = fixedClock(new Date('2026-11-23T12:00:00.000Z'));
const MINUTE = 60_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let database: TestDatabase;
let me: BuiltUser;
let other: BuiltUser;
let tracks: BuiltTrack[];
let sessions: ReturnType<typeof signedIn>;

const appWith = (shareLimit?: { max: number; timeWindow: string }) =>
  buildApp({
    logger: false,
    sessions: sessions.sessions,
    routes: createSharingModule({ db: database.db, clock, shareLimit }).routes,
  });

let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  me = await aUser(database.db, 'sharer');
  other = await aUser(database.db, 'friend');
  tracks = [];
  for (let i = 0; i < 4; i++) tracks.push(await aTrack().build(database.db));
  sessions = signedIn(me, other);
  app = await appWith();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const share = (
  trackId: string,
  payload: object = { channel: 'link' },
  headers: Record<string, string> = sessions.headers(me),
) => app.inject({ method: 'POST', url: `/api/v1/tracks/${trackId}/share`, headers, payload });
const shareCount = (trackId: string) =>
  app.inject({ method: 'GET', url: `/api/v1/tracks/${trackId}/shares` });
const feedback = () => new FeedbackRepository(database.db).forUser(me.id);

describe('sharing a track', () => {
  it('records each share and answers the running count and the song page', async () => {
    const track = tracks[0]!;
    expect((await shareCount(track.id)).json()).toEqual({ data: { trackId: track.id, shareCount: 0 } });

    const first = await share(track.id);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ data: { trackId: track.id, shareCount: 1, url: `/tracks/${track.id}` } });

    // Repeats and other people's shares all count.
    expect((await share(track.id, { channel: 'system' })).json().data.shareCount).toBe(2);
    expect((await share(track.id, { channel: 'link' }, sessions.headers(other))).json().data.shareCount).toBe(
      3,
    );
    expect((await shareCount(track.id)).json()).toEqual({ data: { trackId: track.id, shareCount: 3 } });
    const rows = await database.db
      .selectFrom('trackShares')
      .select(['userId', 'channel'])
      .where('trackId', '=', track.id)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { userId: me.id, channel: 'link' },
      { userId: me.id, channel: 'system' },
      { userId: other.id, channel: 'link' },
    ]);
  });

  it('answers 404 for a track that does not exist or an id that is not one', async () => {
    for (const id of [UNKNOWN, 'not-a-uuid']) {
      for (const response of [await share(id), await shareCount(id)]) {
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('track_not_found');
      }
    }
  });

  it('refuses a body without a known channel', async () => {
    for (const payload of [{}, { channel: 'email' }, { channel: 1 }]) {
      const response = await share(tracks[1]!.id, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toEqual(expect.any(String));
    }
    expect((await shareCount(tracks[1]!.id)).json().data.shareCount).toBe(0);
  });

  it('needs a signed-in user, and the CSRF header with the session cookie', async () => {
    const track = tracks[1]!;
    const anonymous = await share(track.id, { channel: 'link' }, {});
    expect(anonymous.statusCode).toBe(401);
    const cookie = { cookie: `${SESSION_COOKIE}=token-${me.id}` };
    const withoutCsrf = await share(track.id, { channel: 'link' }, cookie);
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().error.code).toBe('csrf_failed');
    expect(
      (await share(track.id, { channel: 'link' }, { ...cookie, [CSRF_HEADER]: 'csrf' })).statusCode,
    ).toBe(201);
    expect((await shareCount(track.id)).json().data.shareCount).toBe(1);
  });
});

describe('what the recommender reads', () => {
  it('sets `shared` on the tracks I shared, once, and not on ones only others shared', async () => {
    await share(tracks[2]!.id, { channel: 'link' }, sessions.headers(other));
    const cells = (await feedback()).cells;
    expect(cells.get(tracks[0]!.id)).toMatchObject({ shared: true, liked: false, collected: false });
    expect(cells.get(tracks[1]!.id)).toMatchObject({ shared: true });
    expect(cells.get(tracks[2]!.id)).toBeUndefined();
  });

  it('lifts the bin for a track shared after it was binned, and only then', async () => {
    const [binnedThenShared, binned] = [tracks[2]!, tracks[3]!];
    clock.advance(MINUTE);
    await database.db
      .insertInto('trackTrash')
      .values([
        { userId: me.id, trackId: binnedThenShared.id, at: clock.now() },
        { userId: me.id, trackId: binned.id, at: clock.now() },
      ])
      .execute();
    clock.advance(MINUTE);
    expect((await share(binnedThenShared.id)).statusCode).toBe(201);
    const after = await feedback();
    expect([...after.trashed.keys()]).toEqual([binned.id]);
    expect(after.cells.get(binnedThenShared.id)).toMatchObject({ shared: true, trashed: true });
    const filters = await new FeedbackRepository(database.db).filters(me.id);
    expect([...filters.trashed.keys()]).toEqual([binned.id]);
  });

  it('ignores shares from before a taste reset, and counts a share after it', async () => {
    clock.advance(MINUTE);
    await database.db
      .insertInto('tasteProfiles')
      .values({ userId: me.id, resetAt: clock.now(), updatedAt: clock.now() })
      .execute();
    expect((await feedback()).cells.get(tracks[0]!.id)).toBeUndefined();
    clock.advance(MINUTE);
    await share(tracks[0]!.id);
    const cells = (await feedback()).cells;
    expect(cells.get(tracks[0]!.id)).toMatchObject({ shared: true });
    expect(cells.get(tracks[1]!.id)).toBeUndefined();
  });
});

describe('rate limit', () => {
  it('answers 429 after 30 shares a minute by one user; someone else still shares', async () => {
    const limited = await appWith();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const response = await limited.inject({
          method: 'POST',
          url: `/api/v1/tracks/${tracks[3]!.id}/share`,
          headers: sessions.headers(me),
          payload: { channel: 'link' },
        });
        statuses.push(response.statusCode);
        if (i === 30) {
          expect(response.json().error.code).toBe('rate_limited');
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses).toEqual([...Array(30).fill(201), 429]);
      const theirs = await limited.inject({
        method: 'POST',
        url: `/api/v1/tracks/${tracks[3]!.id}/share`,
        headers: sessions.headers(other),
        payload: { channel: 'link' },
      });
      expect(theirs.statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
