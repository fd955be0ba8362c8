import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { presentComment } from './comment.presenter.ts';
import type { CommentReactionService } from './comment-reaction.service.ts';
import {
  commentPageSchema,
  commentParamsSchema,
  commentResponseSchema,
  hugResponseSchema,
  likeResponseSchema,
  listCommentsQuerySchema,
  lyricCountsResponseSchema,
  okResponseSchema,
  postCommentBodySchema,
  repliesQuerySchema,
  trackParamsSchema,
} from './comment.schema.ts';
import type { CommentPage, CommentService } from './comment.service.ts';

export interface RateWindow {
  max: number;
  timeWindow: string;
}

export interface CommentRoutesDeps {
  comments: CommentService;
  reactions: CommentReactionService;
  /** comments (and replies) one user may post per window */
  postingLimit: RateWindow;
}

const tags = ['comments'];

/** Rate-limit key: the user (routes below all need one), so a shared IP does not share a limit. */
export const perUser = (scope: string) => (request: FastifyRequest) =>
  `${scope}:${request.auth?.user.id ?? request.ip}`;

const presentPage = (page: CommentPage) => ({
  data: page.items.map(presentComment),
  nextCursor: page.nextCursor,
  total: page.total,
});

export function commentRoutes(deps: CommentRoutesDeps): FastifyPluginAsyncZod {
  const { comments, reactions, postingLimit } = deps;
  return async (app) => {
    app.post(
      '/api/v1/comments',
      {
        config: { rateLimit: { ...postingLimit, keyGenerator: perUser('comment-post') } },
        schema: {
          tags,
          summary:
            'Comment on a track, album, playlist or lyric line, or reply (201; 200 for a repeated key)',
          body: postCommentBodySchema,
          response: { 201: commentResponseSchema, 200: commentResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const { view, created } = await comments.post(user, request.body);
        return reply.status(created ? 201 : 200).send({ data: presentComment(view) });
      },
    );

    app.get(
      '/api/v1/comments',
      {
        schema: {
          tags,
          summary: 'Top-level comments on a target, hot, new or recommended, with the total count',
          querystring: listCommentsQuerySchema,
          response: { 200: commentPageSchema, ...errorResponses },
        },
      },
      async (request) => presentPage(await comments.list(requireUser(request), request.query)),
    );

    app.get(
      '/api/v1/comments/:id/replies',
      {
        schema: {
          tags,
          summary: 'The replies of a thread, oldest first ("floors"); total is the thread’s reply count',
          params: commentParamsSchema,
          querystring: repliesQuerySchema,
          response: { 200: commentPageSchema, ...errorResponses },
        },
      },
      async (request) =>
        presentPage(await comments.replies(requireUser(request), request.params.id, request.query)),
    );

    app.delete(
      '/api/v1/comments/:id',
      {
        schema: {
          tags,
          summary: 'Delete your own comment (replies stay; it shows as deleted). Staff: see moderation',
          params: commentParamsSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        await comments.delete(requireUser(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/comments/:id/like',
      {
        schema: {
          tags,
          summary: 'Like a comment (idempotent)',
          params: commentParamsSchema,
          response: { 200: likeResponseSchema, ...errorResponses },
        },
      },
      async (request) => ({ data: await reactions.like(requireUser(request), request.params.id) }),
    );

    app.delete(
      '/api/v1/comments/:id/like',
      {
        schema: {
          tags,
          summary: 'Take a like back (idempotent)',
          params: commentParamsSchema,
          response: { 200: likeResponseSchema, ...errorResponses },
        },
      },
      async (request) => ({ data: await reactions.unlike(requireUser(request), request.params.id) }),
    );

    app.post(
      '/api/v1/comments/:id/hug',
      {
        schema: {
          tags,
          summary: 'Hug a comment, once; only its author is told, and only they see the count',
          params: commentParamsSchema,
          response: { 200: hugResponseSchema, ...errorResponses },
        },
      },
      async (request) => ({ data: await reactions.hug(requireUser(request), request.params.id) }),
    );

    app.get(
      '/api/v1/tracks/:id/lyric-comment-counts',
      {
        schema: {
          tags,
          summary: 'How many comments each lyric line of a track has (lines without comments are left out)',
          params: trackParamsSchema,
          response: { 200: lyricCountsResponseSchema, ...errorResponses },
        },
      },
      async (request) => ({
        counts: await comments.lyricLineCounts(requireUser(request), request.params.id),
      }),
    );
  };
}
