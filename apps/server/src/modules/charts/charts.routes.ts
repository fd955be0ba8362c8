import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { ChartService } from './chart.service.ts';
import { presentChart, presentChartSummary } from './charts.presenter.ts';
import {
  chartListResponseSchema,
  chartParamsSchema,
  chartQuerySchema,
  chartResponseSchema,
} from './charts.schema.ts';

export interface ChartRoutesDeps {
  charts: ChartService;
}

const tags = ['charts'];

export function chartRoutes(deps: ChartRoutesDeps): FastifyPluginAsyncZod {
  const { charts } = deps;
  return async (app) => {
    app.get(
      '/api/v1/charts',
      {
        schema: {
          tags,
          summary: 'The charts (hot, new, rising, original) with their top 3',
          response: { 200: chartListResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: (await charts.overview()).map(presentChartSummary) };
      },
    );

    app.get(
      '/api/v1/charts/:name',
      {
        schema: {
          tags,
          summary: 'One chart, each entry with its movement since the refresh before',
          params: chartParamsSchema,
          querystring: chartQuerySchema,
          response: { 200: chartResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentChart(await charts.chart(request.params.name, request.query.limit)) };
      },
    );
  };
}
