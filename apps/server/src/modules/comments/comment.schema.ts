import { z } from 'zod';
import { checkCommentBody, MAX_BODY_CODE_POINTS, MAX_BODY_UTF16_UNITS } from './comment-body.ts';
import { MAX_CURSOR_CHARS } from './keyset-cursor.ts';
import { COMMENT_LIMITS } from './comment.service.ts';

export const commentTargetTypeSchema = z
  .enum(['track', 'album', 'playlist', 'lyric'])
  .describe('`lyric`: `targetId` is a track and `lineIndex` a line of its original lyrics');

const bodyText = z
  .string()
  .max(MAX_BODY_UTF16_UNITS)
  .superRefine((raw, ctx) => {
    const check = checkCommentBody(raw);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: `${check.code}: ${check.message}` });
  })
  .describe(
    `Plain text, trimmed, 1-${MAX_BODY_CODE_POINTS} characters (code points: an emoji is one). ` +
      'Returned exactly as stored, never as HTML. `@username` mentions notify that user.',
  );

const lineIndex = z.number().int().min(0).max(100_000);
const limit = z.coerce.number().int().min(1).max(COMMENT_LIMITS.maxPage).optional();
const cursor = z.string().max(MAX_CURSOR_CHARS).optional().describe('`nextCursor` of the previous page');

export const postCommentBodySchema = z.object({
  targetType: commentTargetTypeSchema,
  targetId: z.uuid(),
  lineIndex: lineIndex.optional().describe('required for `lyric`, refused otherwise; replies inherit it'),
  body: bodyText,
  parentId: z.uuid().optional().describe('the comment answered: a thread top or a reply in its thread'),
  idempotencyKey: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .describe('a retry with the same key returns the first comment (200) and creates nothing'),
});

export const listCommentsQuerySchema = z.object({
  targetType: commentTargetTypeSchema,
  targetId: z.uuid(),
  lineIndex: z.coerce.number().int().min(0).max(100_000).optional().describe('lyric comments of one line'),
  sort: z
    .enum(['hot', 'new', 'recommended'])
    .default('hot')
    .describe(
      '`hot`: most valued first (likes and replies, with a fading bonus for the new); `new`: newest ' +
        'first; `recommended`: hot, with every 4th slot a comment nobody has reacted to yet',
    ),
  limit: limit.describe(`per page (default ${COMMENT_LIMITS.defaultPage})`),
  cursor,
});

export const repliesQuerySchema = z.object({ limit, cursor });
export const commentParamsSchema = z.object({ id: z.uuid() });
export const trackParamsSchema = z.object({ id: z.uuid() });

const authorSchema = z.object({
  id: z.string(),
  username: z.string(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
});

export const commentSchema = z
  .object({
    id: z.string(),
    targetType: commentTargetTypeSchema,
    targetId: z.string(),
    lineIndex: z.number().int().nullable(),
    /** the lyric line as it read when the comment was written */
    quotedLine: z.string().nullable(),
    /** the top-level comment of the thread; null for a top-level comment */
    parentId: z.string().nullable(),
    /** null once deleted or removed */
    author: authorSchema.nullable(),
    /** plain text; null once deleted or removed ("comment deleted") */
    body: z.string().nullable(),
    mentions: z.array(z.object({ id: z.string(), username: z.string() })),
    likeCount: z.number().int(),
    replyCount: z.number().int(),
    /** only the author sees how many hugs their comment got; null for everyone else */
    hugCount: z.number().int().nullable(),
    liked: z.boolean(),
    hugged: z.boolean(),
    /** the reply this one answers, quoted */
    replyTo: z
      .object({
        id: z.string(),
        authorNickname: z.string().nullable(),
        excerpt: z.string().nullable(),
        deleted: z.boolean(),
      })
      .nullable(),
    createdAt: z.string(),
    deleted: z.boolean(),
    status: z.enum(['visible', 'deleted', 'removed']),
    abilities: z.object({ delete: z.boolean(), remove: z.boolean(), report: z.boolean() }),
  })
  .meta({ id: 'Comment' });

export const commentResponseSchema = z.object({ data: commentSchema });

export const commentPageSchema = z
  .object({
    data: z.array(commentSchema),
    nextCursor: z.string().nullable(),
    /** visible comments and replies on the target (for replies: in the thread) */
    total: z.number().int(),
  })
  .meta({ id: 'CommentPage' });

export const likeResponseSchema = z.object({
  data: z.object({ liked: z.boolean(), likeCount: z.number().int() }),
});
export const hugResponseSchema = z.object({ data: z.object({ hugged: z.literal(true) }) });
export const okResponseSchema = z.object({ ok: z.literal(true) });

export const lyricCountsResponseSchema = z
  .object({ counts: z.array(z.object({ lineIndex: z.number().int(), count: z.number().int() })) })
  .meta({ id: 'LyricCommentCounts' });
