import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCrowd,
  aTasteWorld,
  recommendTestApp,
  type RecommendTestApp,
  type TasteWorld,
} from '../factories/recommend.ts';
import { aUser, type BuiltUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Cold start: before any history (and even before any model), a new user picks genres or
 * artists and gets what is popular there, and the reasons say so.
 */

const NOW = new Date('2026-11-23T04:00:00.000Z');

interface Item {
  track: { id: string; artists: { id: string }[] };
  reason: { kind: string; genre?: string; artist?: { id: string; name: string } };
}

let database: TestDatabase;
let world: TasteWorld;
let t: RecommendTestApp;
let jazzFan: BuiltUser;
let folkFan: BuiltUser;
let stranger: BuiltUser;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await aTasteWorld(database.db, NOW);
  await aCrowd(database.db, world, NOW);
  jazzFan = await aUser(database.db, 'jazz_fan');
  folkFan = await aUser(database.db, 'folk_fan');
  stranger = await aUser(database.db, 'stranger');
  t = await recommendTestApp(database.db, [jazzFan, folkFan, stranger], NOW);
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

const genreOf = (item: Item) => world.byId.get(item.track.id)!.genre;

describe('cold start', () => {
  it('offers the library’s genres and artists to choose from', async () => {
    const response = await t.call(jazzFan, 'GET', '/api/v1/recommend/onboarding');
    expect(response.statusCode).toBe(200);
    const { genres, artists } = response.json().data;
    expect(genres).toEqual(
      expect.arrayContaining([
        { genre: 'rock', label: 'rock', trackCount: 40 },
        { genre: 'jazz', label: 'jazz', trackCount: 40 },
        { genre: 'folk', label: 'folk', trackCount: 20 },
      ]),
    );
    expect(artists.length).toBeGreaterThan(10);
    expect(artists[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      coverUrl: null,
      trackCount: 4,
    });
  });

  it('makes a list from popularity alone before any model or choice exists', async () => {
    const response = await t.call(stranger, 'GET', '/api/v1/recommend/daily');
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data.coldStart).toBe(true);
    expect(data.tracks).toHaveLength(30);
    expect(new Set(data.tracks.map((x: Item) => x.track.id)).size).toBe(30);
  });

  it('recommends what is popular in the chosen genre, and says so', async () => {
    await t.recommend.trainer.run();
    const saved = await t.call(jazzFan, 'PUT', '/api/v1/me/taste', { genres: ['Jazz'] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data).toMatchObject({
      genres: ['jazz'],
      artists: [],
      onboardedAt: NOW.toISOString(),
    });

    const { data } = (await t.call(jazzFan, 'GET', '/api/v1/recommend/daily')).json();
    expect(data.coldStart).toBe(true);
    const tracks: Item[] = data.tracks;
    expect(tracks).toHaveLength(30);
    // Two of every three slots come from the choice, as long as the genre has artists left
    // (10 jazz artists, 2 tracks each): the first ten of them at least.
    const chosenSlots = tracks.filter((_, i) => i % 3 !== 2).slice(0, 10);
    expect(chosenSlots.every((x) => genreOf(x) === 'jazz')).toBe(true);
    expect(chosenSlots.every((x) => x.reason.kind === 'popular_in_genre' && x.reason.genre === 'jazz')).toBe(
      true,
    );
    expect(tracks.filter((x) => genreOf(x) === 'jazz').length).toBeGreaterThanOrEqual(20);

    const radio = (await t.call(jazzFan, 'GET', '/api/v1/recommend/fm?count=5')).json().data.tracks as Item[];
    expect(radio).toHaveLength(5);
    expect(radio.filter((x) => genreOf(x) === 'jazz').length).toBeGreaterThanOrEqual(3);
  });

  it('recommends a chosen artist and new releases by them, with the artist as the reason', async () => {
    const artist = world.artists.folk[2]!;
    const saved = await t.call(folkFan, 'PUT', '/api/v1/me/taste', { artistIds: [artist.id] });
    expect(saved.json().data.artists).toEqual([artist]);
    const tracks: Item[] = (await t.call(folkFan, 'GET', '/api/v1/recommend/daily')).json().data.tracks;
    const byArtist = tracks.filter((x) => x.track.artists.some((a) => a.id === artist.id));
    expect(byArtist.length).toBeGreaterThanOrEqual(2);
    for (const x of byArtist) {
      expect(['popular_with_listeners_of', 'new_from_artist']).toContain(x.reason.kind);
      expect(x.reason.artist).toEqual(artist);
    }
    // the folk tracks were added two days ago: new releases of a followed artist
    expect(byArtist.some((x) => x.reason.kind === 'new_from_artist')).toBe(true);
  });

  it('refuses choices that name no artist', async () => {
    const response = await t.call(folkFan, 'PUT', '/api/v1/me/taste', { artistIds: ['nobody'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('unknown_artist');
    expect((await t.call(folkFan, 'GET', '/api/v1/me/taste')).json().data.artists).toEqual([
      world.artists.folk[2],
    ]);
  });
});
