import type { z } from 'zod';
import type { AuditRow } from './moderation-audit.repository.ts';
import type { ReportRow } from './comment-report.repository.ts';
import type { auditEntrySchema, reportSchema } from './moderation.schema.ts';

export function presentReport(report: ReportRow): z.infer<typeof reportSchema> {
  return {
    id: report.id,
    reason: report.reason,
    detail: report.detail,
    status: report.status,
    resolution: report.resolution,
    createdAt: report.createdAt.toISOString(),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
    reporter: report.reporter,
    resolvedBy: report.resolvedBy,
    comment: {
      id: report.comment.id,
      targetType: report.comment.targetType,
      targetId: report.comment.targetId,
      lineIndex: report.comment.lineIndex,
      body: report.comment.body,
      status: report.comment.status,
      createdAt: report.comment.createdAt.toISOString(),
      author: report.comment.author,
    },
  };
}

export function presentAuditEntry(entry: AuditRow): z.infer<typeof auditEntrySchema> {
  return {
    id: entry.id,
    action: entry.action,
    actor: entry.actor,
    commentId: entry.commentId,
    reportId: entry.reportId,
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
  };
}
