import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCrowd,
  aTasteWorld,
  listensTo,
  recommendTestApp,
  type RecommendTestApp,
  type TasteWorld,
} from '../factories/recommend.ts';
import { aPlaylist, aUser, type BuiltPlaylist, type BuiltUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * "More like this": similar tracks, similar artists, tracks like a playlist's; and playlists
 * recommended for the home page. Private playlists stay invisible to everyone but their owner.
 */

const NOW = new Date('2026-11-23T04:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

let database: TestDatabase;
let world: TasteWorld;
let t: RecommendTestApp;
let me: BuiltUser;
let curator: BuiltUser;
let rockList: BuiltPlaylist;
let jazzList: BuiltPlaylist;
let secretRock: BuiltPlaylist;
let mine: BuiltPlaylist;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  world = await aTasteWorld(db, NOW);
  await aCrowd(db, world, NOW);
  me = await aUser(db, 'me');
  curator = await aUser(db, 'curator');
  await listensTo(
    db,
    me,
    world.rock.slice(0, 12).map((x) => ({ track: x.id, at: daysAgo(5), times: 2 })),
  );
  rockList = await aPlaylist()
    .ownedBy(curator)
    .withTracks(world.rock.slice(20, 28).map((x) => x.id))
    .build(db);
  jazzList = await aPlaylist()
    .ownedBy(curator)
    .withTracks(world.jazz.slice(0, 8).map((x) => x.id))
    .build(db);
  secretRock = await aPlaylist()
    .ownedBy(curator)
    .private()
    .withTracks(world.rock.slice(0, 8).map((x) => x.id))
    .build(db);
  mine = await aPlaylist()
    .ownedBy(me)
    .withTracks(world.rock.slice(0, 4).map((x) => x.id))
    .build(db);
  t = await recommendTestApp(db, [me, curator], NOW);
  await t.recommend.trainer.run();
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const get = async (url: string, as = me) => {
  const response = await t.call(as, 'GET', url);
  return { status: response.statusCode, body: response.json() };
};
const genres = (tracks: { id: string }[]) => tracks.map((x) => world.byId.get(x.id)!.genre);

describe('similar tracks', () => {
  it('are mostly of the same kind, and never the track itself', async () => {
    const seed = world.jazz[5]!;
    const { status, body } = await get(`/api/v1/tracks/${seed.id}/similar?limit=10`);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(10);
    expect(body.data.map((x: { id: string }) => x.id)).not.toContain(seed.id);
    expect(genres(body.data).filter((g) => g === 'jazz').length).toBeGreaterThanOrEqual(8);
    expect(body.data[0]).toMatchObject({
      id: expect.any(String),
      title: expect.any(String),
      streamUrl: expect.any(String),
    });
  });

  it('work for a track nobody has played, from what it is (artist, genre)', async () => {
    const fresh = world.folk[0]!;
    const { body } = await get(`/api/v1/tracks/${fresh.id}/similar?limit=5`);
    expect(body.data.length).toBeGreaterThanOrEqual(3);
    expect(genres(body.data).every((g) => g === 'folk')).toBe(true);
    expect(body.data.map((x: { id: string }) => x.id).slice(0, 3)).toEqual(
      expect.arrayContaining(world.folk.slice(1, 4).map((x) => x.id)),
    );
  });

  it('answer 404 for a track that does not exist', async () => {
    expect((await get('/api/v1/tracks/00000000-0000-4000-8000-000000000000/similar')).status).toBe(404);
    const { status, body } = await get('/api/v1/tracks/nope/similar');
    expect(status).toBe(404);
    expect(body.error.code).toBe('track_not_found');
  });
});

describe('similar artists', () => {
  it('are artists of the same audience, in the library shape', async () => {
    const artist = world.artists.rock[1]!;
    const { status, body } = await get(`/api/v1/artists/${artist.id}/similar?limit=5`);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(5);
    const rock = new Set(world.artists.rock.map((a) => a.id));
    expect(body.data.every((a: { id: string }) => rock.has(a.id) && a.id !== artist.id)).toBe(true);
    expect(body.data[0]).toMatchObject({ name: expect.any(String), albumCount: 1, trackCount: 4 });
  });

  it('leave out artists the viewer blocked', async () => {
    const artist = world.artists.rock[1]!;
    const before = (await get(`/api/v1/artists/${artist.id}/similar?limit=3`)).body.data;
    await t.call(me, 'POST', `/api/v1/me/blocked-artists/${before[0].id}`);
    const after = (await get(`/api/v1/artists/${artist.id}/similar?limit=3`)).body.data;
    expect(after.map((a: { id: string }) => a.id)).not.toContain(before[0].id);
    const blocked = (await get('/api/v1/me/blocked-artists')).body.data;
    expect(blocked).toEqual([{ id: before[0].id, name: before[0].name, blockedAt: NOW.toISOString() }]);
    await t.call(me, 'DELETE', `/api/v1/me/blocked-artists/${before[0].id}`);
    expect((await get('/api/v1/me/blocked-artists')).body.data).toEqual([]);
  });

  it('answer 404 for an unknown artist', async () => {
    const { status, body } = await get('/api/v1/artists/00000000-0000-4000-8000-000000000000/similar');
    expect(status).toBe(404);
    expect(body.error.code).toBe('artist_not_found');
  });
});

describe('more like this playlist', () => {
  it('brings tracks like the playlist’s that are not in it', async () => {
    const { status, body } = await get(`/api/v1/playlists/${jazzList.id}/similar?limit=10`);
    expect(status).toBe(200);
    expect(body.data).toHaveLength(10);
    const inList = new Set(world.jazz.slice(0, 8).map((x) => x.id));
    expect(body.data.some((x: { id: string }) => inList.has(x.id))).toBe(false);
    expect(genres(body.data).filter((g) => g === 'jazz').length).toBeGreaterThanOrEqual(8);
  });

  it('keeps a private playlist invisible to others, and open to its owner', async () => {
    const { status, body } = await get(`/api/v1/playlists/${secretRock.id}/similar`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('playlist_not_found');
    expect((await get(`/api/v1/playlists/${secretRock.id}/similar`, curator)).status).toBe(200);
    expect((await get('/api/v1/playlists/not-a-uuid/similar')).status).toBe(404);
  });
});

describe('recommended playlists', () => {
  it('match the listener’s taste, and never show private lists or their own', async () => {
    const { status, body } = await get('/api/v1/recommend/playlists?limit=10');
    expect(status).toBe(200);
    const ids = body.data.map((p: { id: string }) => p.id);
    expect(ids).toEqual([rockList.id, jazzList.id]);
    expect(ids).not.toContain(secretRock.id);
    expect(ids).not.toContain(mine.id);
    expect(body.data[0]).toMatchObject({
      name: rockList.name,
      visibility: 'public',
      owner: { id: curator.id },
    });
  });
});
