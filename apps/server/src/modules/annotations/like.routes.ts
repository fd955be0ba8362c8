import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { presentTrack } from '../library/browse/browse.presenter.ts';
import { trackPageSchema } from '../library/browse/browse.schema.ts';
import {
  likeLookupBodySchema,
  likeLookupResponseSchema,
  likeStateSchema,
  likesQuerySchema,
  trackParamsSchema,
} from './like.schema.ts';
import type { LikeService } from './like.service.ts';

export interface LikeRoutesDeps {
  likes: LikeService;
}

const tags = ['likes'];

export function likeRoutes(deps: LikeRoutesDeps): FastifyPluginAsyncZod {
  const { likes } = deps;
  return async (app) => {
    app.post(
      '/api/v1/tracks/:id/like',
      {
        schema: {
          tags,
          summary: 'Like a track (the red heart); liking it again changes nothing',
          params: trackParamsSchema,
          response: { 200: likeStateSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await likes.like(user.id, request.params.id);
        return { data: { trackId: request.params.id, liked: true } };
      },
    );

    app.delete(
      '/api/v1/tracks/:id/like',
      {
        schema: {
          tags,
          summary: 'Take back a like; unliking a track not liked changes nothing',
          params: trackParamsSchema,
          response: { 200: likeStateSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await likes.unlike(user.id, request.params.id);
        return { data: { trackId: request.params.id, liked: false } };
      },
    );

    app.get(
      '/api/v1/me/likes',
      {
        schema: {
          tags,
          summary: 'The tracks I like, most recently liked first (keyset cursor)',
          querystring: likesQuerySchema,
          response: { 200: trackPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const page = await likes.list(user.id, request.query);
        return { data: page.tracks.map(presentTrack), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/api/v1/me/likes/lookup',
      {
        schema: {
          tags,
          summary: 'Which of these tracks I like, to draw the hearts of a list',
          body: likeLookupBodySchema,
          response: { 200: likeLookupResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { liked: await likes.lookup(user.id, request.body.trackIds) };
      },
    );
  };
}
