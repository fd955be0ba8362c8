import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import type { PlaylistPlay } from '../../src/modules/listening/ingest.service.ts';
import { createListeningModule } from '../../src/modules/listening/listening.module.ts';
import { PlaylistAccessRepository } from '../../src/modules/playlists/playlist-access.repository.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { aPlayback, aPlaylist, aUser, type BuiltUser, type EventBody } from '../factories/listening.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Listening ingest on a real database: the raw log keeps each event once, a playback counts
 * once when more than half the track (or 4 minutes) was heard, whatever the order and however
 * often its events arrive.
 */

const NOW = new Date('2026-11-23T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

let database: TestDatabase;
let app: FastifyInstance;
let me: BuiltUser;
let other: BuiltUser;
let headers: Record<string, string>;
let otherHeaders: Record<string, string>;
let song: BuiltTrack; // 200 s: counts after 100 s
let suite: BuiltTrack; // 20 min: counts after 240 s
const counted: PlaylistPlay[][] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  me = await aUser(db);
  other = await aUser(db);
  song = await aTrack().lasting(200_000).build(db);
  suite = await aTrack().lasting(1_200_000).build(db);
  const mine = fixedSessions('ingest-me', { id: me.id });
  const theirs = fixedSessions('ingest-other', { id: other.id });
  headers = mine.headers;
  otherHeaders = theirs.headers;
  const listening = createListeningModule({
    db,
    clock: fixedClock(NOW),
    logger: createLogger('silent'),
    onPlaysCounted: async (plays) => {
      counted.push(plays);
    },
    playlistAccess: new PlaylistAccessRepository(db),
  });
  app = await buildApp({
    logger: false,
    sessions: {
      resolve: async (token) => (await mine.sessions.resolve(token)) ?? theirs.sessions.resolve(token),
    },
    routes: listening.routes,
  });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

beforeEach(() => {
  counted.length = 0;
});

async function send(events: unknown[], as = headers) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/listening/events',
    headers: as,
    payload: { events },
  });
  return { status: response.statusCode, body: response.json() };
}

async function playOf(playbackId: string) {
  return database.db.selectFrom('plays').selectAll().where('playbackId', '=', playbackId).executeTakeFirst();
}

async function trackPlays(trackId: string): Promise<number> {
  const row = await database.db
    .selectFrom('trackPlayCounts')
    .select('playCount')
    .where('trackId', '=', trackId)
    .executeTakeFirst();
  return row?.playCount ?? 0;
}

async function myPlays(trackId: string, user = me): Promise<number> {
  const row = await database.db
    .selectFrom('annotations')
    .select('playCount')
    .where('userId', '=', user.id)
    .where('itemType', '=', 'track')
    .where('itemId', '=', trackId)
    .executeTakeFirst();
  return row?.playCount ?? 0;
}

async function chartPlays(trackId: string): Promise<number> {
  const { rows } = await sql<{ plays: number }>`
    SELECT coalesce(sum(plays), 0)::int AS plays FROM track_daily_plays WHERE track_id = ${trackId}`.execute(
    database.db,
  );
  return rows[0]!.plays;
}

describe('POST /api/v1/listening/events', () => {
  it('stores a batch sent twice once, and counts its play once', async () => {
    const track = await aTrack().lasting(200_000).build(database.db);
    const play = aPlayback(track.id, { at: minutesAgo(10) });
    const batch = [play.start(), play.progress(60_000), play.end(200_000)];

    expect(await send(batch)).toEqual({ status: 200, body: { accepted: 3, duplicates: 0, rejected: [] } });
    expect(await send(batch)).toEqual({ status: 200, body: { accepted: 0, duplicates: 3, rejected: [] } });

    const stored = await database.db
      .selectFrom('listeningEvents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('playbackId', '=', play.playbackId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(3);
    expect(await trackPlays(track.id)).toBe(1);
    expect(await myPlays(track.id)).toBe(1);
    expect(await chartPlays(track.id)).toBe(1);
    expect(await playOf(play.playbackId)).toMatchObject({
      startedAt: minutesAgo(10),
      playedMs: 200_000,
      endReason: 'finished',
      counted: true,
      countedAt: NOW,
    });
  });

  it('counts once when the same batch races itself', async () => {
    const track = await aTrack().lasting(200_000).build(database.db);
    const play = aPlayback(track.id, { at: minutesAgo(10) });
    const batch = [play.start(), play.progress(150_000), play.end(200_000)];
    const results = await Promise.all(Array.from({ length: 6 }, () => send(batch)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.reduce((sum, r) => sum + r.body.accepted, 0)).toBe(3);
    expect(await trackPlays(track.id)).toBe(1);
    expect(await myPlays(track.id)).toBe(1);
  });

  it('merges a playback whose events arrive out of order, in separate batches', async () => {
    const track = await aTrack().lasting(200_000).build(database.db);
    const play = aPlayback(track.id, { at: minutesAgo(30) });
    const start = play.start();
    const progress = play.progress(120_000);
    const end = play.end(90_000, 'skipped');
    // The end first (heard 90 s: not yet counted), then the start, then a progress report
    // that had been held back and says 120 s were heard.
    await send([end]);
    expect(await playOf(play.playbackId)).toMatchObject({ counted: false, endReason: 'skipped' });
    await send([start]);
    expect(await playOf(play.playbackId)).toMatchObject({ startedAt: minutesAgo(30), counted: false });
    await send([progress]);
    expect(await playOf(play.playbackId)).toMatchObject({
      startedAt: minutesAgo(30),
      playedMs: 120_000,
      endReason: 'skipped',
      endPositionMs: 90_000,
      counted: true,
    });
    // More audio heard later changes the playback, not the count.
    await send([play.progress(150_000)]);
    expect(await playOf(play.playbackId)).toMatchObject({ playedMs: 150_000 });
    expect(await trackPlays(track.id)).toBe(1);
  });

  it.each([
    ['a short track at exactly half', 200_000, 100_000, false],
    ['a short track just past half', 200_000, 100_001, true],
    ['a long track at exactly 4 minutes', 1_200_000, 240_000, false],
    ['a long track just past 4 minutes', 1_200_000, 240_001, true],
  ])('counts %s', async (_case, duration, heard, counts) => {
    const track = await aTrack().lasting(duration).build(database.db);
    const play = aPlayback(track.id, { at: minutesAgo(60) });
    await send([play.start(), play.end(heard, 'skipped')]);
    expect((await playOf(play.playbackId))?.counted).toBe(counts);
    expect(await trackPlays(track.id)).toBe(counts ? 1 : 0);
  });

  it('counts a loop replay for the listener but not for the charts', async () => {
    const track = await aTrack().lasting(200_000).build(database.db);
    const first = aPlayback(track.id, { at: minutesAgo(20) });
    const again = aPlayback(track.id, { at: minutesAgo(16), repeat: true });
    await send([first.start(), first.end(200_000), again.start(), again.end(200_000)]);
    expect(await myPlays(track.id)).toBe(2);
    expect(await trackPlays(track.id)).toBe(2);
    expect(await chartPlays(track.id)).toBe(1);
  });

  it('tells the playlists module once about each counted playlist play', async () => {
    const list = await aPlaylist(database.db, me);
    const fromList = aPlayback(song.id, { at: minutesAgo(40), source: { type: 'playlist', id: list.id } });
    const fromSearch = aPlayback(song.id, { at: minutesAgo(35), source: { type: 'search' } });
    const unfinished = aPlayback(song.id, { at: minutesAgo(30), source: { type: 'playlist', id: list.id } });
    const batch = [
      fromList.start(),
      fromList.progress(150_000),
      fromSearch.start(),
      fromSearch.end(200_000),
      unfinished.start(),
      unfinished.end(20_000, 'skipped'),
    ];
    await send(batch);
    await send([...batch, fromList.end(200_000)]);
    expect(counted).toEqual([[{ userId: me.id, trackId: song.id, playlistId: list.id, at: minutesAgo(40) }]]);
  });

  it('keeps the valid events of a batch with impossible ones, naming each rejected one', async () => {
    const play = aPlayback(song.id, { at: minutesAgo(5) });
    const good = play.start();
    const events = [
      { ...play.progress(10_000), positionMs: -1 },
      good,
      { ...play.progress(10_000), playedMs: 200_000 + 30_001 },
      { ...play.progress(10_000), trackId: '00000000-0000-4000-8000-000000000000' },
      { ...play.progress(10_000), at: new Date(NOW.getTime() + 10 * 60_000).toISOString() },
      { ...play.progress(10_000), at: new Date(NOW.getTime() - 40 * 24 * 3_600_000).toISOString() },
      { ...play.progress(10_000), endReason: 'finished' },
      'not an event',
      play.progress(12_000),
    ];
    const { status, body } = await send(events);
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [0, 'invalid_event'],
      [2, 'beyond_track_end'],
      [3, 'unknown_track'],
      [4, 'at_in_future'],
      [5, 'at_too_old'],
      [6, 'end_reason_not_allowed'],
      [7, 'invalid_event'],
    ]);
    expect(body.rejected[0]).toEqual({
      index: 0,
      id: (events[0] as EventBody).id,
      code: 'invalid_event',
      message: expect.stringContaining('positionMs'),
    });
    expect(await playOf(play.playbackId)).toMatchObject({ playedMs: 12_000 });
  });

  it("refuses events that would join another user's playback", async () => {
    const theirs = aPlayback(suite.id, { at: minutesAgo(3) });
    await send([theirs.start()], otherHeaders);
    const { body } = await send([{ ...theirs.progress(300_000) }]);
    expect(body.rejected).toEqual([expect.objectContaining({ index: 0, code: 'playback_mismatch' })]);
    expect(await playOf(theirs.playbackId)).toMatchObject({ userId: other.id, playedMs: 0, counted: false });
  });

  it('refuses a body that is not a batch, and needs a logged-in user', async () => {
    const play = aPlayback(song.id, { at: minutesAgo(1) });
    for (const payload of [
      {},
      { events: [] },
      { events: 'x' },
      [play.start()],
      { events: Array(201).fill({}) },
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/listening/events',
        headers,
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/listening/events',
      payload: { events: [play.start()] },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('types the events of a batch for the SDK', () => {
    const document = app.swagger() as { components?: { schemas?: Record<string, unknown> } };
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['ListeningEvent', 'ListeningIngestResult', 'HistoryItem', 'ListeningRanking']),
    );
  });
});
