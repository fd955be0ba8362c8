import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCrowd,
  aTasteWorld,
  likes,
  listensTo,
  recommendTestApp,
  type RecommendTestApp,
  type TasteWorld,
} from '../factories/recommend.ts';
import { aUser, type BuiltUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Daily Recommendations on a real database: 30 tracks with reasons, the same all day, shaped by
 * the listener's taste and never breaking their filters; "not interested" brings a replacement;
 * past days stay for a week; a taste reset starts over.
 */

// 12:00 in Shanghai (every user's default zone): recommendation day 2026-11-23.
const NOW = new Date('2026-11-23T04:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

interface DailyBody {
  data: {
    date: string;
    generatedAt: string;
    coldStart: boolean;
    tracks: {
      track: { id: string; title: string; artists: { id: string }[]; genre: string | null };
      reason: { kind: string; track?: { id: string; title: string }; artist?: { id: string; name: string } };
    }[];
  };
}

let database: TestDatabase;
let world: TasteWorld;
let me: BuiltUser;
let t: RecommendTestApp;
const mine = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  world = await aTasteWorld(db, NOW);
  await aCrowd(db, world, NOW);
  me = await aUser(db, 'me');
  const rock = (artist: number, track: number) => world.rock[artist * 4 + track]!.id;
  const history = [
    { track: rock(0, 0), at: daysAgo(20), times: 4, kind: 'loop' as const },
    { track: rock(0, 1), at: daysAgo(20), times: 3 },
    { track: rock(1, 0), at: daysAgo(15), times: 2 },
    { track: rock(1, 1), at: daysAgo(15), times: 3 },
    { track: rock(2, 0), at: daysAgo(12), times: 2 },
    { track: rock(2, 1), at: daysAgo(12), times: 2 },
    // heard yesterday: not again for 3 days, unless loved
    { track: rock(3, 0), at: daysAgo(1), times: 2 },
    { track: rock(4, 0), at: daysAgo(1), times: 2 },
  ];
  await listensTo(db, me, history);
  history.forEach((h) => mine.add(h.track));
  await likes(db, me, rock(1, 0), daysAgo(14));
  await likes(db, me, rock(4, 0), daysAgo(1));
  t = await recommendTestApp(db, [me], NOW);
  await t.recommend.trainer.run();
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const daily = async (query = '') => {
  const response = await t.call(me, 'GET', `/api/v1/recommend/daily${query}`);
  return { status: response.statusCode, body: response.json() as DailyBody };
};
const ids = (body: DailyBody) => body.data.tracks.map((x) => x.track.id);

describe('the daily list', () => {
  it('has 30 different tracks, each with a reason, and stays the same all day', async () => {
    const first = await daily();
    expect(first.status).toBe(200);
    expect(first.body.data.date).toBe('2026-11-23');
    expect(first.body.data.coldStart).toBe(false);
    expect(first.body.data.tracks).toHaveLength(30);
    expect(new Set(ids(first.body)).size).toBe(30);
    for (const { reason } of first.body.data.tracks) {
      expect([
        'looped',
        'liked',
        'similar_to',
        'popular_with_listeners_of',
        'new_from_artist',
        'popular_in_genre',
        'discovery',
      ]).toContain(reason.kind);
      if (['looped', 'liked', 'similar_to'].includes(reason.kind))
        expect(reason.track?.title).toEqual(expect.any(String));
      if (['popular_with_listeners_of', 'new_from_artist'].includes(reason.kind)) {
        expect(reason.artist?.name).toEqual(expect.any(String));
      }
    }
    // Reasons name the listener's own tracks ("because you looped rock 0.0").
    const anchored = first.body.data.tracks.filter((x) => x.reason.track && mine.has(x.reason.track.id));
    expect(anchored.length).toBeGreaterThan(0);

    t.clock.advance(6 * 3600_000);
    const later = await daily();
    expect(later.body).toEqual(first.body);
    t.clock.set(NOW);
  });

  it('follows the listener’s taste and never breaks their filters', async () => {
    const { body } = await daily();
    const genres = body.data.tracks.map((x) => world.byId.get(x.track.id)!.genre);
    expect(genres.filter((g) => g === 'rock').length).toBeGreaterThan(
      genres.filter((g) => g === 'jazz').length,
    );
    // heard yesterday and not loved: not today; heard yesterday and loved: allowed
    expect(ids(body)).not.toContain(world.rock[12]!.id);
    const perArtist = new Map<string, number>();
    for (const x of body.data.tracks) {
      const artist = world.byId.get(x.track.id)!.artistId;
      perArtist.set(artist, (perArtist.get(artist) ?? 0) + 1);
    }
    expect(Math.max(...perArtist.values())).toBeLessThanOrEqual(3);
    const known = body.data.tracks.filter((x) => mine.has(x.track.id));
    expect(known.length).toBeLessThanOrEqual(3);
  });

  it('hides a binned track and a blocked artist at once, and never offers them again', async () => {
    const before = await daily();
    const binned = before.body.data.tracks[0]!.track;
    const blockedArtist = before.body.data.tracks[1]!.track.artists[0]!.id;
    expect((await t.call(me, 'POST', `/api/v1/recommend/fm/${binned.id}/trash`)).statusCode).toBe(200);
    expect((await t.call(me, 'POST', `/api/v1/me/blocked-artists/${blockedArtist}`)).statusCode).toBe(200);
    const after = await daily();
    expect(ids(after.body)).not.toContain(binned.id);
    expect(after.body.data.tracks.some((x) => x.track.artists.some((a) => a.id === blockedArtist))).toBe(
      false,
    );

    // Tomorrow's list does not bring them back either, nor repeat today's tracks.
    t.clock.set(new Date(NOW.getTime() + DAY));
    const tomorrow = await daily();
    t.clock.set(NOW);
    expect(tomorrow.body.data.date).toBe('2026-11-24');
    expect(tomorrow.body.data.tracks.length).toBeGreaterThanOrEqual(20);
    expect(ids(tomorrow.body)).not.toContain(binned.id);
    expect(tomorrow.body.data.tracks.some((x) => x.track.artists.some((a) => a.id === blockedArtist))).toBe(
      false,
    );
    const today = new Set(ids(before.body));
    expect(ids(tomorrow.body).filter((id) => today.has(id))).toEqual([]);
  });

  it('replaces a dismissed track in its place, once', async () => {
    const before = await daily();
    const gone = before.body.data.tracks[4]!.track.id;
    const response = await t.call(me, 'POST', `/api/v1/recommend/daily/${gone}/dismiss`);
    expect(response.statusCode).toBe(200);
    const after = response.json() as DailyBody;
    expect(after.data.tracks).toHaveLength(before.body.data.tracks.length);
    expect(ids(after)).not.toContain(gone);
    const replacement = after.data.tracks[4]!.track.id;
    expect(ids(before.body)).not.toContain(replacement);
    // everything else stays where it was
    expect(ids(after).filter((_, i) => i !== 4)).toEqual(ids(before.body).filter((_, i) => i !== 4));
    expect((await daily()).body).toEqual(after);

    // dismissing it again changes nothing; a track not in the list is a 404
    const again = await t.call(me, 'POST', `/api/v1/recommend/daily/${gone}/dismiss`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(after);
    const stranger = world.folk.find((x) => !ids(after).includes(x.id))!;
    const missing = await t.call(me, 'POST', `/api/v1/recommend/daily/${stranger.id}/dismiss`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('daily_track_not_found');
  });

  it('explains a recommendation', async () => {
    const { body } = await daily();
    const item = body.data.tracks[2]!;
    const response = await t.call(me, 'GET', `/api/v1/recommend/why/${item.track.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject({
      track: { id: item.track.id },
      explanations: [{ source: 'daily', day: '2026-11-23', reason: item.reason }],
    });
    const stranger = world.folk.find((x) => !ids(body).includes(x.id))!;
    expect((await t.call(me, 'GET', `/api/v1/recommend/why/${stranger.id}`)).statusCode).toBe(404);
  });

  it('keeps past days viewable for a week, then answers 404', async () => {
    const today = await daily();
    t.clock.set(new Date(NOW.getTime() + 7 * DAY));
    const weekLater = await daily('?date=2026-11-23');
    expect(weekLater.status).toBe(200);
    expect(weekLater.body).toEqual(today.body);
    t.clock.set(new Date(NOW.getTime() + 8 * DAY));
    const tooOld = await daily('?date=2026-11-23');
    expect(tooOld.status).toBe(404);
    expect((tooOld.body as unknown as { error: { code: string } }).error.code).toBe('daily_not_found');
    t.clock.set(NOW);
    expect((await daily('?date=2026-11-22')).status).toBe(404); // no list that day
    expect((await daily('?date=2026-11-30')).status).toBe(404); // the future
    expect((await daily('?date=2026-02-30')).status).toBe(400);
  });

  it('starts over after a taste reset: today’s list is remade without the old history', async () => {
    const before = await daily();
    const reset = await t.call(me, 'POST', '/api/v1/me/taste/reset');
    expect(reset.statusCode).toBe(200);
    expect(reset.json().data.resetAt).toBe(NOW.toISOString());
    expect(reset.json().data.onboardedAt).toBeNull();
    const after = await daily();
    expect(after.body.data.coldStart).toBe(true);
    expect(after.body.data.tracks.length).toBeGreaterThan(0);
    expect(after.body.data.generatedAt).toBe(NOW.toISOString());
    expect(after.body.data.tracks.some((x) => ['looped', 'liked'].includes(x.reason.kind))).toBe(false);
    expect(ids(after.body)).not.toEqual(ids(before.body));
  });
});
