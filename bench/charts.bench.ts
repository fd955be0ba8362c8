/**
 * Chart refresh over a big listening history: 100,000 tracks (5% added in the last 30 days),
 * 1,000 listeners and 10,000,000 raw events (3.3 million playbacks of start, progress and end
 * over the last 30 days, skewed toward popular tracks), with the aggregates ingest keeps.
 * Times `ChartService.refresh()` (all four charts, top 100 each) cold and again 30 minutes
 * later, then reading a chart. Goal: a refresh < 10 s.
 *
 * The history is generated in SQL (ingesting it through the API would take half an hour);
 * the per-day chart counts are then derived from it as ingest derives them. Sizes can be
 * lowered with BENCH_CHART_EVENTS and BENCH_CHART_TRACKS.
 * Uses a throw-away database (DATABASE_URL's server when set, else embedded PostgreSQL).
 */
import { sql, type Kysely } from 'kysely';
import { createDb, type Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { createChartsModule } from '../apps/server/src/modules/charts/charts.module.ts';
import { countAfterMs } from '../apps/server/src/modules/listening/counting-rule.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import { insertTracks, insertUsers } from './support/listening-fixtures.ts';
import { printTable } from './support/table.ts';
import { throwAwayDatabase } from './support/throw-away-database.ts';

const EVENTS = Number(process.env.BENCH_CHART_EVENTS ?? 10_000_000);
const TRACKS = Number(process.env.BENCH_CHART_TRACKS ?? 100_000);
const USERS = 1_000;
const EVENTS_PER_PLAYBACK = 3;
const CHUNK = 500_000;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** Playbacks and their events, `CHUNK` playbacks per statement. */
async function generateHistory(db: Db, now: Date): Promise<number> {
  const playbacks = Math.ceil(EVENTS / EVENTS_PER_PLAYBACK);
  for (let done = 0; done < playbacks; done += CHUNK) {
    const n = Math.min(CHUNK, playbacks - done);
    // Track ord ~ 100000 × u³: the first tracks get most plays. 70% of playbacks are heard to
    // the end, the rest skipped within 30 s; 5% are single-track-loop replays.
    await sql`
      INSERT INTO plays (playback_id, user_id, track_id, started_at, last_event_at, played_ms, count_after_ms,
        end_reason, end_position_ms, ended_at, repeat, source_type, client, counted, counted_at)
      SELECT gen_random_uuid(), u.id, t.id, x.started, x.started + make_interval(secs => x.played / 1000.0),
        x.played, t.count_after_ms,
        CASE WHEN x.played = t.duration_ms THEN 'finished' ELSE 'skipped' END, x.played,
        x.started + make_interval(secs => x.played / 1000.0), x.repeat, 'album', 'bench',
        x.played > t.count_after_ms, CASE WHEN x.played > t.count_after_ms THEN x.started END
      FROM (
        SELECT floor(power(random(), 3) * ${TRACKS})::int AS ord, floor(random() * ${USERS})::int AS user_ord,
          ${now.toISOString()}::timestamptz - random() * interval '30 days' AS started,
          random() AS heard, random() < 0.05 AS repeat
        FROM generate_series(1, ${n})
      ) AS r
      JOIN bench_tracks t ON t.ord = r.ord
      JOIN bench_users u ON u.ord = r.user_ord
      CROSS JOIN LATERAL (SELECT r.started,
        CASE WHEN r.heard < 0.7 THEN t.duration_ms ELSE floor(r.heard * 30000)::int END AS played,
        r.repeat) AS x`.execute(db);
  }
  await sql`
    INSERT INTO listening_events (id, user_id, playback_id, type, track_id, at, position_ms, played_ms,
      end_reason, repeat, source_type, source_id, client, received_at)
    SELECT gen_random_uuid(), p.user_id, p.playback_id, k.type, p.track_id,
      p.started_at + make_interval(secs => p.played_ms * k.share / 1000.0),
      (p.played_ms * k.share)::int, (p.played_ms * k.share)::int,
      CASE WHEN k.type = 'end' THEN p.end_reason END, p.repeat, p.source_type, NULL, p.client, p.last_event_at
    FROM plays p
    CROSS JOIN (VALUES ('start', 0.0), ('progress', 0.5), ('end', 1.0)) AS k(type, share)`.execute(db);
  const { rows } = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM plays`.execute(db);
  return rows[0]!.n;
}

/** The aggregates ingest keeps beside the log (see listening/play-aggregates.ts). */
async function deriveAggregates(db: Db): Promise<void> {
  await sql`
    INSERT INTO track_daily_plays (day, track_id, plays)
    SELECT (started_at AT TIME ZONE 'UTC')::date, track_id, count(*)
    FROM plays WHERE counted AND NOT repeat
    GROUP BY 1, 2`.execute(db);
  await sql`
    INSERT INTO track_play_counts (track_id, play_count, last_played_at)
    SELECT track_id, count(*), max(started_at) FROM plays WHERE counted GROUP BY track_id`.execute(db);
}

export async function run(): Promise<void> {
  const { url, cleanup } = await throwAwayDatabase('charts_bench');
  const db = createDb(url, 4);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    const now = new Date();
    const setup: Record<string, string | number>[] = [];

    const catalog = await timed(async () => {
      const tracks = await insertTracks(db, TRACKS, (i) => (i % 20 === 0 ? i % 30 : 400));
      const users = await insertUsers(db, USERS);
      await sql`CREATE UNLOGGED TABLE bench_tracks (ord int PRIMARY KEY, id uuid, duration_ms int, count_after_ms int)`.execute(
        db,
      );
      await sql`
        INSERT INTO bench_tracks
        SELECT * FROM unnest(${tracks.map((_, i) => i)}::int[], ${tracks.map((t) => t.id)}::uuid[],
          ${tracks.map((t) => t.durationMs)}::int[], ${tracks.map((t) => countAfterMs(t.durationMs))}::int[])`.execute(
        db,
      );
      await sql`CREATE UNLOGGED TABLE bench_users (ord int PRIMARY KEY, id uuid)`.execute(db);
      await sql`INSERT INTO bench_users SELECT * FROM unnest(${users.map((_, i) => i)}::int[], ${users}::uuid[])`.execute(
        db,
      );
    });
    setup.push({
      step: `catalog: ${TRACKS.toLocaleString('en')} tracks, ${USERS} users`,
      seconds: catalog.seconds,
    });
    const history = await timed(() => generateHistory(db, now));
    setup.push({
      step: `history: ${history.value.toLocaleString('en')} playbacks, ${(history.value * EVENTS_PER_PLAYBACK).toLocaleString('en')} events`,
      seconds: history.seconds,
    });
    const aggregates = await timed(() => deriveAggregates(db));
    setup.push({ step: 'aggregates (per track and day, per track)', seconds: aggregates.seconds });
    const vacuum = await timed(() => sql`VACUUM ANALYZE`.execute(db));
    setup.push({ step: 'VACUUM ANALYZE', seconds: vacuum.seconds });
    const { rows: sizes } = await sql<{ name: string; rows: number; size: string }>`
      SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c
      WHERE c.relname IN ('listening_events', 'plays', 'track_daily_plays', 'track_play_counts')
      ORDER BY c.relname`.execute(db);
    printTable('Setup', setup);
    printTable(
      'Tables',
      sizes.map((s) => ({ table: s.name, rows: Number(s.rows).toLocaleString('en'), size: s.size })),
    );

    const clock = fixedClock(now);
    const charts = createChartsModule({ db, clock });
    const results: Record<string, string | number>[] = [];
    const first = await timed(() => charts.service.refresh());
    results.push({ what: 'refresh (first: every entry new)', seconds: first.seconds });
    clock.advance(30 * 60_000);
    const second = await timed(() => charts.service.refresh());
    results.push({ what: 'refresh 30 min later (with movement)', seconds: second.seconds });
    clock.advance(30 * 60_000);
    const third = await timed(() => charts.service.refresh());
    results.push({ what: 'refresh again', seconds: third.seconds });
    const reads = await timed(async () => {
      for (let i = 0; i < 20; i++) await charts.service.chart('hot');
    });
    results.push({
      what: 'read the Hot chart, 100 entries with tracks (mean of 20)',
      seconds: reads.seconds / 20,
    });
    const overview = await timed(async () => {
      for (let i = 0; i < 20; i++) await charts.service.overview();
    });
    results.push({ what: 'read the chart overview (mean of 20)', seconds: overview.seconds / 20 });
    printTable('Chart refresh (goal < 10 s)', results);

    const { rows: lengths } = await sql<{ chart: string; entries: number }>`
      SELECT chart, count(*)::int AS entries FROM chart_entries
      WHERE refreshed_at = ${clock.now().toISOString()}::timestamptz GROUP BY chart ORDER BY chart`.execute(
      db,
    );
    printTable(
      'Entries per chart',
      lengths.map((l) => ({ chart: l.chart, entries: String(l.entries) })),
    );
  } finally {
    await db.destroy();
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
