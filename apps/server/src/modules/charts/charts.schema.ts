import { z } from 'zod';
import { trackSchema } from '../library/browse/browse.schema.ts';
import { chartNames } from './chart-definitions.ts';
import { CHART_SIZE } from './chart-windows.ts';

export const chartParamsSchema = z.object({ name: z.string() });

export const chartQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(CHART_SIZE).default(CHART_SIZE),
});

export const chartEntrySchema = z
  .object({
    rank: z.number().int(),
    previousRank: z.number().int().nullable().describe('rank at the refresh before; null when new'),
    movement: z.enum(['up', 'down', 'same', 'new']),
    change: z.number().int().describe('places gained since the refresh before (negative: lost)'),
    score: z.number().describe('what the chart ranks by: decayed plays, plays, or gain in plays'),
    track: trackSchema,
  })
  .meta({ id: 'ChartEntry' });

const chartHeader = {
  name: z.enum(chartNames),
  titleKey: z.string().describe('i18n key of the title, e.g. charts.hot.title'),
  descriptionKey: z.string(),
  available: z.boolean().describe('false: this chart cannot exist yet (Original, before musician accounts)'),
  refreshedAt: z.string().nullable().describe('null before the first refresh'),
};

export const chartSummarySchema = z
  .object({ ...chartHeader, preview: z.array(chartEntrySchema).describe('the top 3') })
  .meta({ id: 'ChartSummary' });

export const chartSchema = z
  .object({ ...chartHeader, entries: z.array(chartEntrySchema) })
  .meta({ id: 'Chart' });

export const chartListResponseSchema = z.object({ data: z.array(chartSummarySchema) });
export const chartResponseSchema = z.object({ data: chartSchema });
