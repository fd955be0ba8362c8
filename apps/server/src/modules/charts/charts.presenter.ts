import type { z } from 'zod';
import { presentTrack } from '../library/browse/browse.presenter.ts';
import { chartKeys } from './chart-definitions.ts';
import type { Chart, ChartEntry } from './chart.service.ts';
import type { chartEntrySchema, chartSchema, chartSummarySchema } from './charts.schema.ts';

function presentEntry(entry: ChartEntry): z.infer<typeof chartEntrySchema> {
  return {
    rank: entry.rank,
    previousRank: entry.previousRank,
    movement: entry.movement,
    change: entry.change,
    score: entry.score,
    track: presentTrack(entry.track),
  };
}

function header(chart: Chart) {
  return {
    name: chart.name,
    ...chartKeys(chart.name),
    available: chart.available,
    refreshedAt: chart.refreshedAt?.toISOString() ?? null,
  };
}

export function presentChartSummary(chart: Chart): z.infer<typeof chartSummarySchema> {
  return { ...header(chart), preview: chart.entries.map(presentEntry) };
}

export function presentChart(chart: Chart): z.infer<typeof chartSchema> {
  return { ...header(chart), entries: chart.entries.map(presentEntry) };
}
