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
 * Private FM: an endless stream that never serves a binned track again and reacts to a bin in
 * the very next batch; the modes change what comes.
 */

const NOW = new Date('2026-11-23T04:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

interface FmBody {
  data: {
    mode: string;
    tracks: { track: { id: string; artists: { id: string }[] }; reason: { kind: string } }[];
  };
}

let database: TestDatabase;
let world: TasteWorld;
let t: RecommendTestApp;
let binner: BuiltUser;
let chooser: BuiltUser;
const history = new Map<string, Set<string>>();

/** A rock listener of both clusters: artists 0-2 and 5-7, two tracks each. */
async function rockListener(name: string): Promise<BuiltUser> {
  const user = await aUser(database.db, name);
  const plays = [0, 1, 2, 5, 6, 7].flatMap((artist) =>
    [0, 1].map((track) => ({
      track: world.rock[artist * 4 + track]!.id,
      at: daysAgo(10 + artist),
      times: 3,
    })),
  );
  await listensTo(database.db, user, plays);
  await likes(database.db, user, world.rock[0]!.id, daysAgo(9));
  history.set(user.id, new Set(plays.map((p) => p.track)));
  return user;
}

beforeAll(async () => {
  database = await createTestDatabase();
  world = await aTasteWorld(database.db, NOW);
  await aCrowd(database.db, world, NOW);
  binner = await rockListener('binner');
  chooser = await rockListener('chooser');
  t = await recommendTestApp(database.db, [binner, chooser], NOW);
  await t.recommend.trainer.run();
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const fm = async (user: BuiltUser, query: string) => {
  const response = await t.call(user, 'GET', `/api/v1/recommend/fm${query}`);
  expect(response.statusCode).toBe(200);
  return (response.json() as FmBody).data.tracks;
};

/** Mean rank (0 = first) of `trackIds` in the FM's current ranking; absent ones rank last. */
async function meanRank(user: BuiltUser, trackIds: string[]): Promise<number> {
  const ranking = (await t.recommend.fm.rank(user.id, 'default')).map((r) => r.trackId);
  const rank = (id: string) => (ranking.includes(id) ? ranking.indexOf(id) : ranking.length);
  return trackIds.reduce((sum, id) => sum + rank(id), 0) / trackIds.length;
}

describe('Private FM', () => {
  it('serves batches of different artists, with reasons, and does not repeat itself', async () => {
    const first = await fm(binner, '?count=5');
    expect(first).toHaveLength(5);
    const artists = first.map((x) => x.track.artists[0]!.id);
    expect(new Set(artists).size).toBe(5);
    expect(first.every((x) => typeof x.reason.kind === 'string')).toBe(true);
    const second = await fm(binner, '?count=5');
    expect(second.map((x) => x.track.id).filter((id) => first.some((x) => x.track.id === id))).toEqual([]);
  });

  it('answers a bin at once: the track never returns and its neighbours sink in the next batch', async () => {
    const [top] = await t.recommend.fm.rank(binner.id, 'default');
    const binned = world.byId.get(top!.trackId)!;
    const neighbours = world[binned.genre]
      .filter((x) => x.artistId === binned.artistId && x.id !== binned.id)
      .map((x) => x.id);
    const before = await meanRank(binner, neighbours);

    const trash = await t.call(binner, 'POST', `/api/v1/recommend/fm/${binned.id}/trash`);
    expect(trash.statusCode).toBe(200);
    expect(trash.json()).toEqual({ data: { trackId: binned.id, trashed: true } });
    // binning twice is binning once
    expect((await t.call(binner, 'POST', `/api/v1/recommend/fm/${binned.id}/trash`)).statusCode).toBe(200);

    const after = await meanRank(binner, neighbours);
    expect(after).toBeGreaterThan(before + 5);
    const next = await fm(binner, '?count=5');
    expect(next.some((x) => x.track.artists.some((a) => a.id === binned.artistId))).toBe(false);

    // However long the stream runs (past the whole library), the binned track never comes.
    for (let i = 0; i < 15; i++) {
      t.clock.advance(3600_000);
      const batch = await fm(binner, '?count=10');
      expect(batch.map((x) => x.track.id)).not.toContain(binned.id);
    }
    t.clock.set(NOW);
  });

  it('has modes: familiar brings back what the listener loves, discovery what they do not know', async () => {
    const known = history.get(chooser.id)!;
    const familiar = await fm(chooser, '?count=10&mode=familiar');
    const discovery = await fm(chooser, '?count=10&mode=discovery');
    expect(familiar.filter((x) => known.has(x.track.id)).length).toBeGreaterThanOrEqual(3);
    expect(discovery.filter((x) => known.has(x.track.id))).toEqual([]);
    const ofFamiliar = new Set(familiar.map((x) => x.track.id));
    expect(discovery.filter((x) => ofFamiliar.has(x.track.id))).toEqual([]);
  });

  it('remembers the mode chosen in the taste settings and rejects unknown modes', async () => {
    const saved = await t.call(chooser, 'PUT', '/api/v1/me/taste', { fmMode: 'discovery' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data.fmMode).toBe('discovery');
    const response = await t.call(chooser, 'GET', '/api/v1/recommend/fm');
    expect(response.json().data.mode).toBe('discovery');
    expect(response.json().data.tracks).toHaveLength(3);
    expect((await t.call(chooser, 'GET', '/api/v1/recommend/fm?mode=loud')).statusCode).toBe(400);
    expect((await t.call(chooser, 'GET', '/api/v1/recommend/fm?count=11')).statusCode).toBe(400);
  });

  it('answers 404 for binning a track that does not exist', async () => {
    const response = await t.call(
      binner,
      'POST',
      '/api/v1/recommend/fm/00000000-0000-4000-8000-000000000000/trash',
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('track_not_found');
    expect((await t.call(binner, 'POST', '/api/v1/recommend/fm/not-a-uuid/trash')).statusCode).toBe(404);
  });
});
