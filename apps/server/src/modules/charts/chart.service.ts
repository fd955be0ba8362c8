import type { ChartName } from '../../db/tables/listening.ts';
import { notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';
import type { TrackRow } from '../library/browse/browse.repository.ts';
import { chartNames, isChartName } from './chart-definitions.ts';
import { movement, type Movement } from './chart-movement.ts';
import type { ChartEntryRow, ChartRepository, ChartSnapshot } from './chart.repository.ts';
import { CHART_SIZE, chartWindows } from './chart-windows.ts';

export const PREVIEW_SIZE = 3;

export interface ChartEntry {
  rank: number;
  previousRank: number | null;
  movement: Movement;
  /** places gained (negative: lost) since the refresh before */
  change: number;
  score: number;
  track: TrackRow;
}

export interface Chart {
  name: ChartName;
  /** false for a chart that cannot exist yet (Original, until tracks link to musician accounts) */
  available: boolean;
  /** null until the first refresh */
  refreshedAt: Date | null;
  entries: ChartEntry[];
}

export interface RefreshSummary {
  refreshedAt: Date;
  charts: { name: ChartName; available: boolean }[];
}

/**
 * The charts (Hot, New, Rising, Original): computed by `refresh()` — the composition root
 * schedules it every 30 minutes — and read from the stored snapshots. See chart-windows.ts
 * for what each chart ranks.
 */
export class ChartService {
  /**
   * Each chart's newest snapshot with its tracks, kept until the next refresh: every visitor
   * reads the same 400 entries, which change only every 30 minutes. A track retitled by a
   * rescan shows its old title until then.
   */
  private readonly cache = new Map<ChartName, { refreshedAt: number; entries: ChartEntry[] }>();

  constructor(
    private readonly charts: ChartRepository,
    private readonly tracks: TrackLoader,
    private readonly clock: Clock,
  ) {}

  async refresh(): Promise<RefreshSummary> {
    const now = this.clock.now();
    const snapshots = await this.charts.refresh(now, chartWindows(now));
    return { refreshedAt: now, charts: snapshots.map((s) => ({ name: s.chart, available: s.available })) };
  }

  /** Every chart with its top entries. */
  async overview(): Promise<Chart[]> {
    const latest = await this.charts.latest();
    return Promise.all(
      chartNames.map(async (name) => {
        const chart = await this.assemble(name, latest);
        return { ...chart, entries: chart.entries.slice(0, PREVIEW_SIZE) };
      }),
    );
  }

  async chart(name: string, limit = CHART_SIZE): Promise<Chart> {
    if (!isChartName(name)) throw notFound('chart_not_found', 'No such chart');
    const chart = await this.assemble(name, await this.charts.latest());
    return { ...chart, entries: chart.entries.slice(0, limit) };
  }

  private async assemble(name: ChartName, latest: ChartSnapshot[]): Promise<Chart> {
    const snapshot = latest.find((s) => s.chart === name);
    return {
      name,
      available: snapshot?.available ?? name !== 'original',
      refreshedAt: snapshot?.refreshedAt ?? null,
      entries: snapshot ? await this.entriesOf(snapshot) : [],
    };
  }

  private async entriesOf(snapshot: ChartSnapshot): Promise<ChartEntry[]> {
    const cached = this.cache.get(snapshot.chart);
    if (cached && cached.refreshedAt === snapshot.refreshedAt.getTime()) return cached.entries;
    const entries = await this.withTracks(await this.charts.entries([snapshot], CHART_SIZE));
    this.cache.set(snapshot.chart, { refreshedAt: snapshot.refreshedAt.getTime(), entries });
    return entries;
  }

  /** Entries whose track was removed since the refresh are dropped until the next one. */
  private async withTracks(rows: ChartEntryRow[]): Promise<ChartEntry[]> {
    const attached = await this.tracks.attach(rows);
    return attached.map((row) => ({
      rank: row.rank,
      previousRank: row.previousRank,
      ...movement(row.rank, row.previousRank),
      score: row.score,
      track: row.track,
    }));
  }
}
