import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorBodySchema, errorResponses } from '../../http/error-schema.ts';
import { perUser, type RateWindow } from '../comments/comment.routes.ts';
import { presentAuditEntry, presentReport } from './moderation.presenter.ts';
import {
  auditPageSchema,
  auditQuerySchema,
  idParamsSchema,
  okResponseSchema,
  removeBodySchema,
  reportBodySchema,
  reportCreatedSchema,
  reportPageSchema,
  reportResponseSchema,
  reportsQuerySchema,
  resolveBodySchema,
} from './moderation.schema.ts';
import type { ModerationService } from './moderation.service.ts';

export interface ModerationRoutesDeps {
  moderation: ModerationService;
  /** reports one user may file per window */
  reportLimit: RateWindow;
}

const tags = ['moderation'];

/**
 * Reporting (any listener) and the staff side: the report queue, decisions, and removal.
 * Staff remove other people's comments here, with a reason, rather than through
 * `DELETE /api/v1/comments/{id}` (the author's own delete): a removal is a different act,
 * always audited, and a reason in a DELETE body is easily lost by proxies and clients.
 */
export function moderationRoutes({ moderation, reportLimit }: ModerationRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/comments/:id/report',
      {
        config: { rateLimit: { ...reportLimit, keyGenerator: perUser('comment-report') } },
        schema: {
          tags,
          summary: 'Report a comment to the moderators (201; 200 when your report on it is already open)',
          params: idParamsSchema,
          body: reportBodySchema,
          response: { 201: reportCreatedSchema, 200: reportCreatedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id, created } = await moderation.report(
          requireUser(request),
          request.params.id,
          request.body,
        );
        return reply.status(created ? 201 : 200).send({ data: { id, status: 'open' as const } });
      },
    );

    app.get(
      '/api/v1/moderation/reports',
      {
        schema: {
          tags,
          summary: 'The report queue, newest first (moderators and admins)',
          querystring: reportsQuerySchema,
          response: { 200: reportPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const page = await moderation.listReports(requireUser(request), request.query);
        return { data: page.items.map(presentReport), nextCursor: page.nextCursor };
      },
    );

    app.post(
      '/api/v1/moderation/reports/:id/resolve',
      {
        schema: {
          tags,
          summary: 'Decide a report: remove the comment or dismiss; closes every open report on it',
          params: idParamsSchema,
          body: resolveBodySchema,
          response: { 200: reportResponseSchema, 409: errorBodySchema, ...errorResponses },
        },
      },
      async (request) => ({
        data: presentReport(
          await moderation.resolveReport(requireUser(request), request.params.id, request.body),
        ),
      }),
    );

    app.post(
      '/api/v1/moderation/comments/:id/remove',
      {
        schema: {
          tags,
          summary: 'Remove any comment, with a reason for the audit log (moderators and admins)',
          params: idParamsSchema,
          body: removeBodySchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        await moderation.removeComment(requireUser(request), request.params.id, request.body.reason);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/moderation/audit',
      {
        schema: {
          tags,
          summary: 'What staff did and why, newest first (moderators and admins)',
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const page = await moderation.listAudit(requireUser(request), request.query);
        return { data: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
      },
    );
  };
}
