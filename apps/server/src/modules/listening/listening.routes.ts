import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorBodySchema, errorResponses } from '../../http/error-schema.ts';
import type { HistoryService } from './history.service.ts';
import type { IngestService } from './ingest.service.ts';
import { presentHistoryItem, presentRanking } from './listening.presenter.ts';
import {
  EVENT_BODY_LIMIT,
  eventBatchBodySchema,
  historyPageSchema,
  historyQuerySchema,
  ingestResultSchema,
  listeningSettingsResponseSchema,
  listeningSettingsSchema,
  rankingQuerySchema,
  rankingResponseSchema,
  userParamsSchema,
} from './listening.schema.ts';
import type { RankingService } from './ranking.service.ts';

export interface ListeningRoutesDeps {
  ingest: IngestService;
  history: HistoryService;
  ranking: RankingService;
}

const tags = ['listening'];

export function listeningRoutes(deps: ListeningRoutesDeps): FastifyPluginAsyncZod {
  const { ingest, history, ranking } = deps;
  return async (app) => {
    app.post(
      '/api/v1/listening/events',
      {
        bodyLimit: EVENT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            "Report the player's listening events, live or as a late batch; re-sent events are ignored",
          body: eventBatchBodySchema,
          response: { 200: ingestResultSchema, 413: errorBodySchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return ingest.ingest(user.id, request.body.events);
      },
    );

    app.get(
      '/api/v1/me/history',
      {
        schema: {
          tags,
          summary: 'What I played recently, each item once, most recent first (keyset cursor)',
          querystring: historyQuerySchema,
          response: { 200: historyPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const page = await history.list(user.id, request.query);
        return { data: page.items.map(presentHistoryItem), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/api/v1/users/:id/ranking',
      {
        schema: {
          tags,
          summary: "A user's most played tracks of the week or of all time, unless they hid them",
          params: userParamsSchema,
          querystring: rankingQuerySchema,
          response: { 200: rankingResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const viewer = requireUser(request);
        return {
          data: presentRanking(await ranking.ranking(viewer.id, request.params.id, request.query.period)),
        };
      },
    );

    app.get(
      '/api/v1/me/listening-settings',
      {
        schema: {
          tags,
          summary: 'My listening preferences',
          response: { 200: listeningSettingsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: await ranking.getSettings(user.id) };
      },
    );

    app.put(
      '/api/v1/me/listening-settings',
      {
        schema: {
          tags,
          summary: 'Change my listening preferences (hide my ranking from others)',
          body: listeningSettingsSchema,
          response: { 200: listeningSettingsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: await ranking.saveSettings(user.id, request.body) };
      },
    );
  };
}
