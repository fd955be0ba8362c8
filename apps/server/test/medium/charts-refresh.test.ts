import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createChartsModule, type ChartsModule } from '../../src/modules/charts/charts.module.ts';
import { createListeningModule, type ListeningModule } from '../../src/modules/listening/listening.module.ts';
import { PlaylistAccessRepository } from '../../src/modules/playlists/playlist-access.repository.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aPlayback, aUser, type BuiltUser } from '../factories/listening.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Charts computed from plays reported through listening ingest, refreshed twice with a fixed
 * clock: entries show whether they went up, down, stayed or are new.
 */

const T0 = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 3_600_000;
const clock = fixedClock(T0);

let database: TestDatabase;
let app: FastifyInstance;
let charts: ChartsModule;
let listening: ListeningModule;
let listener: BuiltUser;
let headers: Record<string, string>;
const t: Record<string, BuiltTrack> = {};

/** `count` whole playbacks of `track`, begun `daysAgo` days before now. */
async function play(track: BuiltTrack, count: number, daysAgo = 0, repeat = false) {
  const events = [];
  for (let i = 0; i < count; i++) {
    const playback = aPlayback(track.id, {
      at: new Date(clock.now().getTime() - daysAgo * DAY - (i + 1) * 60_000),
      repeat,
    });
    events.push(playback.start(), playback.end(200_000));
  }
  for (let i = 0; i < events.length; i += 200) {
    const result = await listening.ingest.ingest(listener.id, events.slice(i, i + 200));
    expect(result.rejected).toEqual([]);
  }
}

const get = (url: string) => app.inject({ method: 'GET', url, headers });
type Entry = { rank: number; movement: string; change: number; track: { id: string } };
const byTrack = (entries: Entry[]) =>
  Object.fromEntries(
    entries.map((e) => [Object.keys(t).find((k) => t[k]!.id === e.track.id), [e.rank, e.movement]]),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  listener = await aUser(db);
  const old = new Date(T0.getTime() - 90 * DAY);
  for (const name of ['x', 'y', 'z', 'w', 'v', 'r', 'fading', 'looped']) {
    t[name] = await aTrack().titled(name).lasting(200_000).createdAtTime(old).build(db);
  }
  t.fresh = await aTrack()
    .titled('fresh')
    .lasting(200_000)
    .createdAtTime(new Date(T0.getTime() - 2 * DAY))
    .build(db);
  t.fresher = await aTrack()
    .titled('fresher')
    .lasting(200_000)
    .createdAtTime(new Date(T0.getTime() - DAY))
    .build(db);
  listening = createListeningModule({
    db,
    clock,
    logger: createLogger('silent'),
    onPlaysCounted: async () => undefined,
    playlistAccess: new PlaylistAccessRepository(db),
  });
  charts = createChartsModule({ db, clock });
  const session = fixedSessions('charts-token', { id: listener.id });
  headers = session.headers;
  app = await buildApp({ logger: false, sessions: session.sessions, routes: charts.routes });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('charts', () => {
  it('lists the four charts before any refresh, empty', async () => {
    const response = await get('/api/v1/charts');
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual([
      {
        name: 'hot',
        titleKey: 'charts.hot.title',
        descriptionKey: 'charts.hot.description',
        available: true,
        refreshedAt: null,
        preview: [],
      },
      {
        name: 'new',
        titleKey: 'charts.new.title',
        descriptionKey: 'charts.new.description',
        available: true,
        refreshedAt: null,
        preview: [],
      },
      {
        name: 'rising',
        titleKey: 'charts.rising.title',
        descriptionKey: 'charts.rising.description',
        available: true,
        refreshedAt: null,
        preview: [],
      },
      {
        name: 'original',
        titleKey: 'charts.original.title',
        descriptionKey: 'charts.original.description',
        available: false,
        refreshedAt: null,
        preview: [],
      },
    ]);
  });

  it('ranks hot by decayed plays, new by plays of new tracks, rising by gain', async () => {
    await play(t.x!, 10);
    await play(t.y!, 6);
    await play(t.z!, 3);
    await play(t.v!, 15, 4); // more plays than x, but four days ago
    await play(t.r!, 10, 9); // the week before…
    await play(t.r!, 12, 1); // …and a little more this week
    await play(t.fading!, 20, 10);
    await play(t.fading!, 8, 2);
    await play(t.looped!, 30, 0, true); // loop replays move no chart
    await play(t.fresher!, 2);

    expect(await charts.service.refresh()).toEqual({
      refreshedAt: T0,
      charts: [
        { name: 'hot', available: true },
        { name: 'new', available: true },
        { name: 'rising', available: true },
        { name: 'original', available: false },
      ],
    });
    const hot = (await get('/api/v1/charts/hot')).json().data;
    expect(hot.refreshedAt).toBe(T0.toISOString());
    expect(hot.entries.map((e: Entry) => Object.keys(t).find((k) => t[k]!.id === e.track.id))).toEqual([
      'x', // 10 today
      'r', // 12 yesterday: 12 × 0.71
      'y', // 6 today
      'fading', // 8 two days ago: 8 × 0.5 (the 20 of ten days ago are past the window)
      'v', // 15 four days ago: 15 × 0.25
      'z', // 3 today
      'fresher', // 2 today
    ]);
    expect(hot.entries.every((e: Entry) => e.movement === 'new')).toBe(true);
    expect(hot.entries[0]).toMatchObject({ rank: 1, previousRank: null, score: 10, track: { title: 'x' } });
    expect(hot.entries[1].score).toBeCloseTo(12 * Math.SQRT1_2);

    const fresh = (await get('/api/v1/charts/new')).json().data;
    expect(byTrack(fresh.entries)).toEqual({ fresher: [1, 'new'], fresh: [2, 'new'] });

    const rising = (await get('/api/v1/charts/rising')).json().data;
    // z and fresher have too few plays; fading fell from 20 to 8.
    expect(byTrack(rising.entries)).toEqual({ v: [1, 'new'], x: [2, 'new'], y: [3, 'new'], r: [4, 'new'] });
    expect(rising.entries.map((e: { score: number }) => e.score)).toEqual([15, 10, 6, 12 - 10]);

    const original = (await get('/api/v1/charts/original')).json().data;
    expect(original).toMatchObject({ available: false, refreshedAt: T0.toISOString(), entries: [] });
  });

  it('shows each entry moving up, down, staying or new after the next refresh', async () => {
    clock.advance(30 * 60_000);
    await play(t.z!, 20);
    await play(t.w!, 1);
    await charts.service.refresh();

    const hot = (await get('/api/v1/charts/hot')).json().data;
    expect(byTrack(hot.entries)).toEqual({
      z: [1, 'up'],
      x: [2, 'down'],
      r: [3, 'down'],
      y: [4, 'down'],
      fading: [5, 'down'],
      v: [6, 'down'],
      fresher: [7, 'same'],
      w: [8, 'new'],
    });
    expect(hot.entries[0]).toMatchObject({ rank: 1, previousRank: 6, change: 5, movement: 'up' });

    const overview = (await get('/api/v1/charts')).json().data;
    expect(overview[0].refreshedAt).toBe(clock.now().toISOString());
    expect(overview[0].preview.map((e: Entry) => [e.rank, e.movement])).toEqual([
      [1, 'up'],
      [2, 'down'],
      [3, 'down'],
    ]);
    expect(overview.map((c: { name: string; preview: unknown[] }) => [c.name, c.preview.length])).toEqual([
      ['hot', 3],
      ['new', 2],
      ['rising', 3],
      ['original', 0],
    ]);
  });

  it('limits a chart, and answers 404 for a chart that does not exist', async () => {
    expect((await get('/api/v1/charts/hot?limit=2')).json().data.entries).toHaveLength(2);
    const response = await get('/api/v1/charts/popular');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('chart_not_found');
    expect((await get('/api/v1/charts/hot?limit=101')).statusCode).toBe(400);
  });
});
