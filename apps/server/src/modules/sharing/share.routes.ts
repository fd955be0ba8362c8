import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { perUser, type RateWindow } from '../comments/comment.routes.ts';
import { shareBodySchema, shareCountSchema, shareResultSchema, trackParamsSchema } from './share.schema.ts';
import type { ShareService } from './share.service.ts';

export interface ShareRoutesDeps {
  shares: ShareService;
  /** shares one user may make per window */
  shareLimit: RateWindow;
}

const tags = ['sharing'];

export function shareRoutes(deps: ShareRoutesDeps): FastifyPluginAsyncZod {
  const { shares, shareLimit } = deps;
  return async (app) => {
    app.post(
      '/api/v1/tracks/:id/share',
      {
        // Each share is a row and a public count: a tight per-user limit keeps it honest.
        config: { rateLimit: { ...shareLimit, keyGenerator: perUser('track-share') } },
        schema: {
          tags,
          summary: 'Share a track: records the share and answers the link to the song page (201)',
          params: trackParamsSchema,
          body: shareBodySchema,
          response: { 201: shareResultSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const result = await shares.share(user.id, request.params.id, request.body.channel);
        return reply.status(201).send({ data: result });
      },
    );

    app.get(
      '/api/v1/tracks/:id/shares',
      {
        schema: {
          tags,
          summary: 'How many times a track has been shared, by everyone',
          params: trackParamsSchema,
          response: { 200: shareCountSchema, ...errorResponses },
        },
      },
      async (request) => ({ data: await shares.count(request.params.id) }),
    );
  };
}
