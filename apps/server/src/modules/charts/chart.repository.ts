import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ChartName } from '../../db/tables/listening.ts';
import { CHART_SIZE, RISING_MIN_PLAYS, type ChartWindows } from './chart-windows.ts';

export interface ChartSnapshot {
  chart: ChartName;
  refreshedAt: Date;
  available: boolean;
}

export interface ChartEntryRow {
  chart: ChartName;
  rank: number;
  trackId: string;
  score: number;
  previousRank: number | null;
}

/** How long old snapshots are kept (the newest of each chart is always kept). */
const KEEP_SNAPSHOTS = sql`interval '1 day'`;

/**
 * Each chart as `(track_id, score, rank)`, best first, at most CHART_SIZE rows. They read
 * `track_daily_plays` (one row per track and day) and never the raw log, so a refresh costs
 * the same over ten million events as over ten. Ties go to the track id, so equal tracks
 * keep their order from one refresh to the next.
 */
function ranked(scored: RawBuilder<unknown>, tiebreak: RawBuilder<unknown> = sql``): RawBuilder<unknown> {
  return sql`
    SELECT track_id, score, row_number() OVER (ORDER BY score DESC ${tiebreak}, track_id)::int AS rank
    FROM (${scored}) AS scored
    ORDER BY rank
    LIMIT ${CHART_SIZE}`;
}

const chartQueries: Record<Exclude<ChartName, 'original'>, (w: ChartWindows) => RawBuilder<unknown>> = {
  hot: (w) =>
    ranked(sql`
      SELECT d.track_id, sum(d.plays * hot.weight)::float8 AS score
      FROM track_daily_plays d
      JOIN unnest(${w.hot.map((h) => h.day)}::date[], ${w.hot.map((h) => h.weight)}::float8[]) AS hot(day, weight)
        ON hot.day = d.day
      WHERE d.day BETWEEN ${w.hot[w.hot.length - 1]!.day}::date AND ${w.today}::date
        AND EXISTS (SELECT 1 FROM tracks t WHERE t.id = d.track_id)
      GROUP BY d.track_id`),
  // Every new track is a candidate, played or not, so a fresh library has a New chart too.
  new: (w) =>
    ranked(
      sql`
        SELECT t.id AS track_id, t.created_at, coalesce(sum(d.plays), 0)::float8 AS score
        FROM tracks t
        LEFT JOIN track_daily_plays d
          ON d.track_id = t.id AND d.day BETWEEN ${w.newFromDay}::date AND ${w.today}::date
        WHERE t.created_at >= ${w.newSince.toISOString()}::timestamptz
        GROUP BY t.id`,
      sql`, created_at DESC`,
    ),
  rising: (w) =>
    ranked(
      sql`
        SELECT track_id, this_week, (this_week - week_before)::float8 AS score
        FROM (
          SELECT d.track_id,
            coalesce(sum(d.plays) FILTER (WHERE d.day >= ${w.risingFrom}::date), 0) AS this_week,
            coalesce(sum(d.plays) FILTER (WHERE d.day < ${w.risingFrom}::date), 0) AS week_before
          FROM track_daily_plays d
          WHERE d.day BETWEEN ${w.previousFrom}::date AND ${w.today}::date
            AND EXISTS (SELECT 1 FROM tracks t WHERE t.id = d.track_id)
          GROUP BY d.track_id
        ) AS weeks
        WHERE this_week >= ${RISING_MIN_PLAYS} AND this_week > week_before`,
      sql`, this_week DESC`,
    ),
};

export class ChartRepository {
  constructor(private readonly db: Db) {}

  /**
   * Computes every chart and stores it as a snapshot taken at `at`, each entry with its rank
   * in the chart's snapshot before. One transaction, serialised by an advisory lock, so two
   * instances refreshing at once take turns and readers see whole snapshots only.
   */
  async refresh(at: Date, windows: ChartWindows): Promise<ChartSnapshot[]> {
    const when = at.toISOString();
    return this.db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('resonance.charts.refresh'))`.execute(tx);
      // A second refresh at the same instant (a retried job) replaces the first.
      await sql`DELETE FROM chart_snapshots WHERE refreshed_at = ${when}::timestamptz`.execute(tx);
      const snapshots: ChartSnapshot[] = [];
      for (const chart of ['hot', 'new', 'rising', 'original'] as const) {
        // Original needs tracks linked to musician accounts, which do not exist yet.
        const available = chart !== 'original';
        await sql`
          INSERT INTO chart_snapshots (chart, refreshed_at, available)
          VALUES (${chart}, ${when}::timestamptz, ${available})`.execute(tx);
        if (chart !== 'original') {
          await sql`
            WITH previous AS (
              SELECT e.track_id, e.rank FROM chart_entries e
              WHERE e.chart = ${chart} AND e.refreshed_at = (
                SELECT max(refreshed_at) FROM chart_snapshots
                WHERE chart = ${chart} AND refreshed_at < ${when}::timestamptz)
            )
            INSERT INTO chart_entries (chart, refreshed_at, rank, track_id, score, previous_rank)
            SELECT ${chart}, ${when}::timestamptz, now_.rank, now_.track_id, now_.score, previous.rank
            FROM (${chartQueries[chart](windows)}) AS now_
            LEFT JOIN previous USING (track_id)`.execute(tx);
        }
        snapshots.push({ chart, refreshedAt: at, available });
      }
      await sql`
        DELETE FROM chart_snapshots
        WHERE refreshed_at < ${when}::timestamptz - ${KEEP_SNAPSHOTS}`.execute(tx);
      return snapshots;
    });
  }

  /** The newest snapshot of each chart. */
  async latest(): Promise<ChartSnapshot[]> {
    const { rows } = await sql<ChartSnapshot>`
      SELECT DISTINCT ON (chart) chart, refreshed_at, available
      FROM chart_snapshots
      ORDER BY chart, refreshed_at DESC`.execute(this.db);
    return rows;
  }

  /** The first `limit` entries of each of the given snapshots. */
  async entries(snapshots: readonly ChartSnapshot[], limit: number): Promise<ChartEntryRow[]> {
    if (snapshots.length === 0) return [];
    const { rows } = await sql<ChartEntryRow>`
      SELECT e.chart, e.rank, e.track_id, e.score, e.previous_rank
      FROM chart_entries e
      JOIN unnest(${snapshots.map((s) => s.chart)}::text[], ${snapshots.map((s) => s.refreshedAt.toISOString())}::timestamptz[])
        AS s(chart, refreshed_at) ON s.chart = e.chart AND s.refreshed_at = e.refreshed_at
      WHERE e.rank <= ${limit}
      ORDER BY e.chart, e.rank`.execute(this.db);
    return rows;
  }
}
