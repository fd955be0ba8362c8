/**
 * Recommendations at scale: the nightly training, the daily 30 for every user, and Private FM's
 * "next batch" over HTTP (app.inject). Target scale: 100,000 users, a 200,000-track catalogue,
 * 50,000,000 listening events. Goal: FM p95 < 50 ms.
 *
 * What an "event" is here: one playback, i.e. one row of `plays`, the table the recommender
 * reads (per user, aggregated per track in SQL). The raw `listening_events` log (about five rows
 * per playback) is never read by the recommender and is not generated. The history is made in
 * SQL with a fixed seed: every user has a home genre (70% of their plays, skewed to its popular
 * tracks, the rest from the whole catalogue), 65% of playbacks finish, 25% are skipped early,
 * 7% interrupted, 3% single-track loops, over 180 days; 2% of heard tracks are liked, 0.2% binned.
 *
 * The catalogue is always full size (200,000 tracks, 20,000 artists, 25 genres): what one user
 * costs depends on it. Users and events default to a tenth of the target (10,000 users,
 * 5,000,000 playbacks: the same 500 playbacks per user) because the full run takes over an hour on
 * two cores; the daily total is then extrapolated linearly in users (every list costs the same
 * scoring; the job's worker threads share the cores whatever the number of users).
 * BENCH_RECOMMEND_USERS and BENCH_RECOMMEND_EVENTS set other sizes (100000 and 50000000 for the full
 * scale).
 *
 * Uses a throw-away database (DATABASE_URL's server when set, else embedded PostgreSQL). At full
 * scale, generating the data and the first training take most of an hour: BENCH_RECOMMEND_DB names
 * a database on DATABASE_URL's server that is kept, generated and trained once, and measured again
 * by later runs (their daily lists and FM history are cleared first); BENCH_RECOMMEND_PREPARE_ONLY=1
 * stops after the training.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { createDb, type Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import type { SessionResolver } from '../apps/server/src/http/auth-context.ts';
import { JobRunsRepository } from '../apps/server/src/jobs/job-runs.repository.ts';
import { JobScheduler } from '../apps/server/src/jobs/job-scheduler.ts';
import { PlaylistAccessRepository } from '../apps/server/src/modules/playlists/playlist-access.repository.ts';
import {
  createRecommendModule,
  type RecommendModule,
} from '../apps/server/src/modules/recommend/recommend.module.ts';
import type { TrainingResult } from '../apps/server/src/modules/recommend/trainer.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import { createLogger } from '../apps/server/src/platform/logger.ts';
import { percentiles, timeEach } from './support/latency.ts';
import { printTable } from './support/table.ts';
import { keptDatabase, throwAwayDatabase } from './support/throw-away-database.ts';

const TARGET = { users: 100_000, tracks: 200_000, events: 50_000_000 };
const USERS = Number(process.env.BENCH_RECOMMEND_USERS ?? TARGET.users / 10);
const EVENTS = Number(process.env.BENCH_RECOMMEND_EVENTS ?? TARGET.events / 10);
const TRACKS = TARGET.tracks;
const TRACKS_PER_ARTIST = 10;
const GENRES = 25;
const FM_REQUESTS = 500;
const CHUNK = 1_000_000;
const SEED = 0.20261123;
// 12:00 in Shanghai (the users' zone): every user is due for the day's list.
const NOW = new Date('2026-11-23T04:00:00.000Z');

const seconds = (ms: number) => ms / 1000;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Catalogue, users and history, on one connection so `setseed` makes it reproducible. */
export async function generate(db: Db, users: number, events: number): Promise<void> {
  await db.connection().execute(async (conn) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(conn);
    await run(sql`SELECT setseed(${SEED})`);
    const perGenre = TRACKS / GENRES;
    await run(sql`CREATE TABLE bench_artists (ord int PRIMARY KEY, id uuid NOT NULL)`);
    await run(
      sql`CREATE TABLE bench_tracks (ord int PRIMARY KEY, id uuid NOT NULL, duration_ms int, count_after_ms int)`,
    );
    await run(sql`CREATE TABLE bench_users (ord int PRIMARY KEY, id uuid NOT NULL)`);
    await run(sql`INSERT INTO library_folders (id, path) VALUES (gen_random_uuid(), '/bench')`);
    await run(sql`
      INSERT INTO bench_artists SELECT a, gen_random_uuid() FROM generate_series(0, ${TRACKS / TRACKS_PER_ARTIST - 1}) a`);
    await run(sql`
      INSERT INTO artists (id, name, name_key, sort_name)
      SELECT id, 'Artist ' || ord, 'artist ' || ord, 'artist ' || ord FROM bench_artists`);
    // One album per artist; an artist's ten tracks sit in one genre block (ord / perGenre).
    await run(sql`
      INSERT INTO albums (id, title, title_key, album_artist_id, year, genre)
      SELECT id, 'Album ' || ord, 'album ' || ord, id, 1970 + (ord % 55),
        'genre ' || floor(ord * ${TRACKS_PER_ARTIST} / ${perGenre})::int
      FROM bench_artists`);
    await run(sql`
      INSERT INTO bench_tracks SELECT t, gen_random_uuid(), 120000 + (t * 7919 % 300) * 1000, 0
      FROM generate_series(0, ${TRACKS - 1}) t`);
    await run(sql`UPDATE bench_tracks SET count_after_ms = least(duration_ms / 2, 240000)`);
    // 2% of the catalogue was added in the last fortnight (new releases).
    await run(sql`
      INSERT INTO tracks (id, folder_id, path, size, mtime_ms, format, mime, title, title_key, album_id,
        duration_ms, created_at)
      SELECT t.id, (SELECT id FROM library_folders LIMIT 1), '/bench/' || t.id || '.flac', 1000, 0, 'flac',
        'audio/flac', 'Track ' || t.ord, 'track ' || t.ord, a.id, t.duration_ms,
        ${NOW.toISOString()}::timestamptz - CASE WHEN random() < 0.02 THEN random() * interval '14 days'
          ELSE interval '30 days' + random() * interval '3 years' END
      FROM bench_tracks t JOIN bench_artists a ON a.ord = t.ord / ${TRACKS_PER_ARTIST}`);
    await run(sql`
      INSERT INTO track_artists (track_id, artist_id, position)
      SELECT t.id, a.id, 0 FROM bench_tracks t JOIN bench_artists a ON a.ord = t.ord / ${TRACKS_PER_ARTIST}`);
    await run(sql`
      INSERT INTO bench_users SELECT u, gen_random_uuid() FROM generate_series(0, ${users - 1}) u`);
    await run(sql`
      INSERT INTO users (id, username, password_hash, nickname)
      SELECT id, 'bench_' || ord, 'x', 'Bench ' || ord FROM bench_users`);
    for (let done = 0; done < events; done += CHUNK) {
      const n = Math.min(CHUNK, events - done);
      await run(sql`
        INSERT INTO plays (playback_id, user_id, track_id, started_at, last_event_at, played_ms, count_after_ms,
          end_reason, end_position_ms, ended_at, repeat, source_type, client, counted, counted_at)
        SELECT gen_random_uuid(), u.id, t.id, x.started, x.started + make_interval(secs => x.played / 1000.0),
          x.played, t.count_after_ms, x.end_reason, x.played, x.started + make_interval(secs => x.played / 1000.0),
          x.repeat, 'album', 'bench', x.played > t.count_after_ms,
          CASE WHEN x.played > t.count_after_ms THEN x.started END
        FROM (
          SELECT floor(random() * ${users})::int AS user_ord, random() AS home, random() AS pick,
            random() AS outcome, random() AS part,
            ${NOW.toISOString()}::timestamptz - random() * interval '180 days' AS started
          FROM generate_series(1, ${n})
        ) r
        JOIN bench_users u ON u.ord = r.user_ord
        JOIN bench_tracks t ON t.ord = CASE
          WHEN r.home < 0.7 THEN (r.user_ord % ${GENRES}) * ${perGenre} + floor(${perGenre} * power(r.pick, 3))::int
          ELSE floor(${TRACKS} * power(r.pick, 3))::int END
        CROSS JOIN LATERAL (SELECT r.started,
          CASE WHEN r.outcome < 0.68 THEN t.duration_ms
               WHEN r.outcome < 0.93 THEN 5000 + floor(r.part * 20000)::int
               ELSE floor(r.part * t.duration_ms)::int END AS played,
          CASE WHEN r.outcome < 0.68 THEN 'finished' WHEN r.outcome < 0.93 THEN 'skipped'
               ELSE 'interrupted' END AS end_reason,
          r.outcome < 0.03 AS repeat) x`);
    }
    await run(sql`
      INSERT INTO track_play_counts (track_id, play_count, last_played_at)
      SELECT track_id, count(*) FILTER (WHERE counted), max(started_at) FROM plays GROUP BY track_id`);
    await run(sql`
      INSERT INTO annotations (user_id, item_type, item_id, liked_at)
      SELECT DISTINCT user_id, 'track', track_id, ${NOW.toISOString()}::timestamptz - interval '1 day'
      FROM plays WHERE counted AND random() < 0.02
      ON CONFLICT DO NOTHING`);
    await run(sql`
      INSERT INTO track_trash (user_id, track_id, at)
      SELECT DISTINCT user_id, track_id, ${NOW.toISOString()}::timestamptz - interval '2 days'
      FROM plays WHERE end_reason = 'skipped' AND random() < 0.008
      ON CONFLICT DO NOTHING`);
    // As autovacuum leaves a table after bulk inserts: statistics, and the visibility map that lets
    // the per-user read of plays be an index-only scan.
    await run(sql`VACUUM ANALYZE`);
  });
}

async function count(db: Db, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? 0);
}

/** The nightly training (engine on a worker thread), with the event loop watched meanwhile. */
async function measureTraining(db: Db, recommend: RecommendModule): Promise<TrainingResult> {
  const trainDelay = monitorEventLoopDelay({ resolution: 10 });
  trainDelay.enable();
  const training = await timed(() => recommend.trainer.run());
  trainDelay.disable();
  const trained = training.value;
  printTable('Nightly training (recommend.train: read feedback, train on a worker thread, store)', [
    {
      'total s': seconds(training.ms),
      'read s': trained.seconds.read,
      'train s': trained.seconds.train,
      'store s': trained.seconds.store,
      users: trained.users.toLocaleString('en'),
      interactions: trained.interactions.toLocaleString('en'),
      'model MB': (
        (await count(db, sql<{ n: number }>`SELECT max(byte_size)::bigint AS n FROM recommend_models`)) / 1e6
      ).toFixed(0),
      'max event-loop stall ms': trainDelay.max / 1e6,
    },
  ]);

  return trained;
}

export async function run(): Promise<void> {
  const keptName = process.env.BENCH_RECOMMEND_DB;
  const { url, cleanup, fresh } = keptName
    ? { ...(await keptDatabase(keptName)), cleanup: async () => undefined }
    : { ...(await throwAwayDatabase('recommend_bench')), fresh: true };
  const db = createDb(url, 10);
  const logger = createLogger(process.env.BENCH_LOG ?? 'warn');
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    const generation = fresh ? await timed(() => generate(db, USERS, EVENTS)) : null;
    const users = await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM bench_users`);
    const events = await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM plays`);
    const pairs = await count(
      db,
      sql<{ n: number }>`SELECT count(*)::bigint AS n FROM (SELECT DISTINCT user_id, track_id FROM plays) x`,
    );
    printTable(
      `Data (${generation ? `generated in ${seconds(generation.ms).toFixed(0)} s` : 'kept from an earlier run'}, fixed seed)`,
      [
        {
          users: users.toLocaleString('en'),
          tracks: TRACKS.toLocaleString('en'),
          'playbacks (events)': events.toLocaleString('en'),
          'user-track pairs': pairs.toLocaleString('en'),
          likes: (
            await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM annotations`)
          ).toLocaleString('en'),
          'binned tracks': (
            await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM track_trash`)
          ).toLocaleString('en'),
        },
      ],
    );

    const clock = fixedClock(NOW);
    const scheduler = new JobScheduler(new JobRunsRepository(db), clock, logger);
    const recommend = createRecommendModule({
      db,
      clock,
      logger,
      scheduler,
      playlistAccess: new PlaylistAccessRepository(db),
      trainTimeZone: 'Asia/Shanghai',
      // The daily job's big rounds run on worker threads, as in the server.
      databaseUrl: url,
    });

    // 1. The nightly training (engine on a worker thread), with the event loop watched meanwhile.
    const kept = fresh
      ? 0
      : await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM recommend_models`);
    const trained = kept > 0 ? null : await measureTraining(db, recommend);
    if (!trained) printTable('Nightly training', [{ model: 'kept from an earlier run' }]);
    if (process.env.BENCH_RECOMMEND_PREPARE_ONLY) return;
    await sql`TRUNCATE daily_lists, daily_recommendations, fm_served`.execute(db);

    // 2. Private FM over HTTP, on a quiet server: a batch of 3 for each of FM_REQUESTS users, then
    // the next batch for 200 of them.
    const sessions: SessionResolver = {
      resolve: async (token) => ({
        user: { id: token, username: 'bench', nickname: 'Bench', role: 'listener' },
        sessionId: token,
        csrfToken: 'csrf',
      }),
    };
    const app = await buildApp({ logger: false, sessions, routes: recommend.routes });
    const userIds = (
      await sql<{
        id: string;
      }>`SELECT id FROM bench_users ORDER BY md5(ord::text) LIMIT ${FM_REQUESTS + 30}`.execute(db)
    ).rows.map((row) => row.id);
    const request = async (path: string, user: string) => {
      const response = await app.inject({
        method: 'GET',
        url: path,
        headers: { authorization: `Bearer ${user}` },
      });
      if (response.statusCode !== 200)
        throw new Error(`${path}: HTTP ${response.statusCode} ${response.body}`);
    };
    const fm = await timeEach(userIds, (user) => request('/api/v1/recommend/fm?count=3', user));
    const next = await timeEach(
      userIds.slice(0, 200),
      (user) => request('/api/v1/recommend/fm?count=3', user),
      0,
    );
    printTable('Requests over HTTP (app.inject, one at a time; goal FM p95 < 50 ms)', [
      { request: 'GET /recommend/fm?count=3 (first batch)', ...percentiles(fm) },
      { request: 'GET /recommend/fm?count=3 (next batch)', ...percentiles(next) },
    ]);

    // 3. The daily job: every user is past 06:00 and has no list.
    const loopBefore = performance.eventLoopUtilization();
    const dailyDelay = monitorEventLoopDelay({ resolution: 10 });
    dailyDelay.enable();
    const job = timed(() => scheduler.runNow('recommend.daily'));
    // Private FM keeps being used while the job runs (its lists are made on worker threads of
    // this process, as in the server): how long does a request take meanwhile?
    const during: number[] = [];
    let finished = false;
    void job.finally(() => (finished = true));
    for (let i = 0; !finished; i = (i + 1) % userIds.length) {
      const started = performance.now();
      await request('/api/v1/recommend/fm?count=3', userIds[i]!);
      during.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const daily = await job;
    dailyDelay.disable();
    const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const lists = await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM daily_lists`);
    const entries = await count(
      db,
      sql<{ n: number }>`SELECT count(*)::bigint AS n FROM daily_recommendations`,
    );
    const perUser = daily.ms / Math.max(1, lists);
    const stored = await timeEach(
      userIds.slice(0, 200),
      (user) => request('/api/v1/recommend/daily', user),
      10,
    );
    printTable('Daily 30 for every user (recommend.daily, one instance)', [
      {
        lists: lists.toLocaleString('en'),
        'tracks per list': (entries / Math.max(1, lists)).toFixed(1),
        'total s': seconds(daily.ms),
        'ms per user': perUser,
        'event loop busy': `${Math.round(loopBusy * 100)}%`,
        'p99 event-loop stall ms': dailyDelay.percentile(99) / 1e6,
        'max stall ms': dailyDelay.max / 1e6,
        "GET today's (stored) p95 ms": percentiles(stored)['p95 ms']!,
        'FM p95 meanwhile ms': percentiles(during)['p95 ms']!,
      },
    ]);

    const scale = TARGET.users / users;
    if (scale !== 1) {
      printTable(
        `Extrapolated to ${TARGET.users.toLocaleString('en')} users and ${TARGET.events.toLocaleString('en')} events`,
        [
          {
            measured: `${users.toLocaleString('en')} users, ${events.toLocaleString('en')} events`,
            'daily total (linear in users) min': (daily.ms * scale) / 60_000,
            'training read + train (linear in pairs, an upper bound) min': trained
              ? ((trained.seconds.read + trained.seconds.train) * scale) / 60
              : '-',
            'FM p95': 'as measured: a request costs one user against the full catalogue',
          },
        ],
      );
    }
    await app.close();
    await recommend.stop();
    await scheduler.stop();
  } finally {
    await db.destroy();
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
