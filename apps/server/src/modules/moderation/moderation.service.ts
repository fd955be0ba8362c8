import type { ReportReason, ReportStatus } from '../../db/tables/comments.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommentAccess } from '../comments/comment-access.ts';
import { commentNotFound } from '../comments/comment-access.ts';
import { canOnComment, type CommentViewer } from '../comments/comment.policy.ts';
import type { CommentRepository } from '../comments/comment.repository.ts';
import { pageOf, pageSize, timePosition } from '../comments/keyset-cursor.ts';
import type { AuditRow, ModerationAuditRepository } from './moderation-audit.repository.ts';
import type { CommentReportRepository, ReportRow } from './comment-report.repository.ts';
import { canModerate, type StaffAction } from './moderation.policy.ts';

export const MODERATION_LIMITS = { defaultPage: 20, maxPage: 100 } as const;

/** The repositories a moderation decision writes to, all in one transaction. */
export interface ModerationWrites {
  comments: Pick<CommentRepository, 'hide'>;
  reports: Pick<CommentReportRepository, 'resolveAllFor'>;
  audit: Pick<ModerationAuditRepository, 'record'>;
}

export type InTransaction = <T>(work: (writes: ModerationWrites) => Promise<T>) => Promise<T>;

export interface ReportInput {
  reason: ReportReason;
  detail?: string;
}

interface PageOptions {
  limit?: number;
  cursor?: string;
}

/**
 * Reports, the moderators' queue and their decisions. Every decision (a removal, a dismissed
 * report) is written with its audit row in one transaction: no removal without its record.
 *
 * Staff act on any comment, including one on a playlist that has since become private:
 * moderation must not be blocked by what a listener cannot see, and the queue is staff-only.
 */
export class ModerationService {
  constructor(
    private readonly access: Pick<CommentAccess, 'find'>,
    private readonly comments: Pick<CommentRepository, 'findById'>,
    private readonly reports: Pick<CommentReportRepository, 'open' | 'findById' | 'page'>,
    private readonly audit: Pick<ModerationAuditRepository, 'page'>,
    private readonly inTransaction: InTransaction,
    private readonly clock: Clock,
  ) {}

  /** Reports a comment; reporting it again while the first report is open changes nothing. */
  async report(viewer: CommentViewer, commentId: string, input: ReportInput) {
    const comment = await this.access.find(viewer.id, commentId);
    if (comment.authorId === viewer.id) throw forbidden('You cannot report your own comment');
    if (!canOnComment(viewer, 'report', comment)) throw commentNotFound();
    return this.reports.open(
      { commentId, reporterId: viewer.id, reason: input.reason, detail: input.detail?.trim() || null },
      this.clock.now(),
    );
  }

  async listReports(viewer: CommentViewer, options: PageOptions & { status: ReportStatus }) {
    this.require(viewer, 'viewReports');
    const scope = `reports:${options.status}`;
    const limit = pageSize(options.limit, MODERATION_LIMITS);
    const rows = await this.reports.page(options.status, timePosition(options.cursor, scope), limit + 1);
    return pageOf(rows, limit, scope, (r) => [r.createdAt.getTime(), r.id]);
  }

  async listAudit(
    viewer: CommentViewer,
    options: PageOptions,
  ): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
    this.require(viewer, 'viewAudit');
    const limit = pageSize(options.limit, MODERATION_LIMITS);
    const rows = await this.audit.page(timePosition(options.cursor, 'audit'), limit + 1);
    return pageOf(rows, limit, 'audit', (r) => [r.createdAt.getTime(), r.id]);
  }

  /** Removes a comment with a reason; removing one that is already gone changes nothing. */
  async removeComment(viewer: CommentViewer, commentId: string, reason: string): Promise<void> {
    this.require(viewer, 'removeComment');
    const comment = await this.comments.findById(commentId);
    if (!comment) throw commentNotFound();
    await this.inTransaction((writes) => this.remove(writes, viewer, commentId, reason, null));
  }

  /** Decides a report: `remove` the comment, or `dismiss` the report. Either closes every open report on it. */
  async resolveReport(
    viewer: CommentViewer,
    reportId: string,
    decision: { action: 'remove' | 'dismiss'; reason: string },
  ): Promise<ReportRow> {
    this.require(viewer, 'resolveReports');
    const report = await this.reports.findById(reportId);
    if (!report) throw notFound('report_not_found', 'No such report');
    if (report.status !== 'open')
      throw new AppError(409, 'report_already_resolved', 'This report was already decided');
    const commentId = report.comment.id;
    await this.inTransaction(async (writes) => {
      if (decision.action === 'remove') {
        await this.remove(writes, viewer, commentId, decision.reason, report.id);
      } else {
        await writes.reports.resolveAllFor(commentId, 'dismissed', viewer.id, this.clock.now());
        await writes.audit.record(
          {
            actorId: viewer.id,
            action: 'dismiss_report',
            commentId,
            reportId: report.id,
            reason: decision.reason,
          },
          this.clock.now(),
        );
      }
    });
    return (await this.reports.findById(reportId))!;
  }

  /** Hides the comment, closes its reports, and records the removal when it changed anything. */
  private async remove(
    writes: ModerationWrites,
    viewer: CommentViewer,
    commentId: string,
    reason: string,
    reportId: string | null,
  ): Promise<void> {
    const now = this.clock.now();
    const removed = await writes.comments.hide(commentId, 'removed', now);
    await writes.reports.resolveAllFor(commentId, 'removed', viewer.id, now);
    if (removed) {
      await writes.audit.record(
        { actorId: viewer.id, action: 'remove_comment', commentId, reportId, reason },
        now,
      );
    }
  }

  private require(viewer: CommentViewer, action: StaffAction): void {
    if (!canModerate(viewer.role, action)) throw forbidden('Only moderators and admins may do this');
  }
}
