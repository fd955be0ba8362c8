import { z } from 'zod';
import { MAX_CURSOR_CHARS } from '../comments/keyset-cursor.ts';
import { MODERATION_LIMITS } from './moderation.service.ts';

const reason = z.string().trim().min(1).max(500).describe('why, for the audit log');
const person = z.object({ id: z.string(), username: z.string(), nickname: z.string() });

export const reportBodySchema = z.object({
  reason: z.enum(['spam', 'abuse', 'harassment', 'self_harm', 'other']),
  detail: z.string().max(500).optional().describe('anything the moderators should know'),
});

export const reportCreatedSchema = z.object({
  data: z.object({ id: z.string(), status: z.literal('open') }),
});

export const reportsQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(MODERATION_LIMITS.maxPage).optional(),
  cursor: z.string().max(MAX_CURSOR_CHARS).optional(),
});

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MODERATION_LIMITS.maxPage).optional(),
  cursor: z.string().max(MAX_CURSOR_CHARS).optional(),
});

export const idParamsSchema = z.object({ id: z.uuid() });
export const removeBodySchema = z.object({ reason });
export const resolveBodySchema = z.object({
  action: z.enum(['dismiss', 'remove']).describe('`remove` the comment, or `dismiss` the report'),
  reason,
});

export const reportSchema = z
  .object({
    id: z.string(),
    reason: z.enum(['spam', 'abuse', 'harassment', 'self_harm', 'other']),
    detail: z.string().nullable(),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(['dismissed', 'removed']).nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    reporter: person,
    resolvedBy: person.nullable(),
    /** the reported comment as written, even once deleted or removed: staff judge what was said */
    comment: z.object({
      id: z.string(),
      targetType: z.enum(['track', 'album', 'playlist', 'lyric']),
      targetId: z.string(),
      lineIndex: z.number().int().nullable(),
      body: z.string(),
      status: z.enum(['visible', 'deleted', 'removed']),
      createdAt: z.string(),
      author: person,
    }),
  })
  .meta({ id: 'CommentReport' });

export const reportResponseSchema = z.object({ data: reportSchema });
export const reportPageSchema = z
  .object({ data: z.array(reportSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CommentReportPage' });

export const auditEntrySchema = z
  .object({
    id: z.string(),
    action: z.enum(['remove_comment', 'dismiss_report']),
    actor: person.nullable(),
    commentId: z.string().nullable(),
    reportId: z.string().nullable(),
    reason: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ModerationAuditEntry' });

export const auditPageSchema = z.object({
  data: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export const okResponseSchema = z.object({ ok: z.literal(true) });
