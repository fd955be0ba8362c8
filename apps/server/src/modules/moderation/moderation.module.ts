import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommentsModule } from '../comments/comments.module.ts';
import { CommentRepository } from '../comments/comment.repository.ts';
import type { RateWindow } from '../comments/comment.routes.ts';
import { CommentReportRepository } from './comment-report.repository.ts';
import { ModerationAuditRepository } from './moderation-audit.repository.ts';
import { moderationRoutes } from './moderation.routes.ts';
import { ModerationService, type InTransaction } from './moderation.service.ts';

export interface ModerationModuleDeps {
  db: Db;
  clock: Clock;
  /** the comments module: reports go through its access rules */
  comments: Pick<CommentsModule, 'access' | 'repository'>;
  /** default: 5 reports per user per 10 minutes */
  reportLimit?: RateWindow;
}

export interface ModerationModule {
  routes: FastifyPluginAsyncZod[];
  service: ModerationService;
}

export const DEFAULT_REPORT_LIMIT: RateWindow = { max: 5, timeWindow: '10 minutes' };

export function createModerationModule(deps: ModerationModuleDeps): ModerationModule {
  const { db, clock } = deps;
  const inTransaction: InTransaction = (work) =>
    db.transaction().execute((tx) =>
      work({
        comments: new CommentRepository(tx),
        reports: new CommentReportRepository(tx),
        audit: new ModerationAuditRepository(tx),
      }),
    );
  const service = new ModerationService(
    deps.comments.access,
    deps.comments.repository,
    new CommentReportRepository(db),
    new ModerationAuditRepository(db),
    inTransaction,
    clock,
  );
  return {
    routes: [
      moderationRoutes({ moderation: service, reportLimit: deps.reportLimit ?? DEFAULT_REPORT_LIMIT }),
    ],
    service,
  };
}
