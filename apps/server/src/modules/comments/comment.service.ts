import { z } from 'zod';
import type { CommentTargetType } from '../../db/tables/comments.ts';
import { badRequest, forbidden } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { NotificationEvent, Notifier } from '../notifications/notification-event.ts';
import { checkCommentBody } from './comment-body.ts';
import { commentNotFound, type CommentAccess } from './comment-access.ts';
import { canOnComment, type CommentViewer } from './comment.policy.ts';
import type {
  CommentRepository,
  CommentRow,
  ListedComment,
  ListScope,
  ScoreKey,
} from './comment.repository.ts';
import type { CommentTargets, ResolvedTarget } from './comment-targets.ts';
import type { CommentView, CommentViews } from './comment-views.ts';
import {
  decodeCursor,
  encodeCursor,
  invalidCursor,
  pageOf,
  pageSize,
  timeKeySchema,
  timePosition,
  type TimePosition,
} from './keyset-cursor.ts';
import type { MentionRepository } from './mention.repository.ts';
import { parseMentions } from './mentions.ts';
import { freshSince, interleave } from './recommended-order.ts';

export type CommentSort = 'hot' | 'new' | 'recommended';

export const COMMENT_LIMITS = { defaultPage: 20, maxPage: 50 } as const;

export interface PostCommentInput {
  targetType: CommentTargetType;
  targetId: string;
  lineIndex?: number;
  body: string;
  parentId?: string;
  idempotencyKey?: string;
}

export interface ListCommentsInput {
  targetType: CommentTargetType;
  targetId: string;
  lineIndex?: number;
  sort: CommentSort;
  limit?: number;
  cursor?: string;
}

export interface CommentPage {
  items: CommentView[];
  nextCursor: string | null;
  total: number;
}

const scoreKey = z.tuple([z.number(), z.uuid()]);
/** a stream of the recommended sort: not started (null), run dry (false), or at a position */
const stream = <T extends z.ZodType>(key: T) => z.union([z.null(), z.literal(false), key]);
const recommendedKey = z.tuple([stream(scoreKey), stream(timeKeySchema)]);

const atKey = (c: CommentRow): [number, string] => [c.createdAt.getTime(), c.id];
const scoreOf = (c: CommentRow): [number, string] => [c.hotScore, c.id];
const toTime = (key: [number, string] | null): TimePosition | null =>
  key ? { at: key[0], id: key[1] } : null;
const toScore = (key: [number, string] | null): ScoreKey | null =>
  key ? { score: key[0], id: key[1] } : null;

/**
 * Posting, listing and deleting comments. Reactions (likes, hugs) live in
 * CommentReactionService and moderation (reports, removal) in the moderation module.
 */
export class CommentService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly mentions: Pick<MentionRepository, 'findByHandles'>,
    private readonly targets: CommentTargets,
    private readonly access: CommentAccess,
    private readonly views: CommentViews,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Posts a comment or a reply. With an idempotency key, a repeat of an accepted submission
   * returns the comment it created (`created: false`) and creates nothing.
   */
  async post(
    viewer: CommentViewer,
    input: PostCommentInput,
  ): Promise<{ view: CommentView; created: boolean }> {
    const body = checkCommentBody(input.body);
    if (!body.ok) throw badRequest(body.code, `body: ${body.message}`);
    const [{ answeredAuthorId, ...target }, mentioned] = await Promise.all([
      input.parentId ? this.replyTarget(viewer, input, input.parentId) : this.topLevelTarget(viewer, input),
      this.mentions.findByHandles(parseMentions(body.text)),
    ]);
    const { id, created } = await this.comments.insert({
      ...target,
      authorId: viewer.id,
      body: body.text,
      mentions: mentioned.map((u) => u.id),
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: this.clock.now(),
    });
    const [comment] = await this.comments.findListed(viewer.id, [id]);
    if (!comment) throw commentNotFound();
    if (created) await this.announce(comment, answeredAuthorId);
    const [view] = await this.views.build(viewer, [comment]);
    return { view: view!, created };
  }

  async list(viewer: CommentViewer, input: ListCommentsInput): Promise<CommentPage> {
    if (input.lineIndex !== undefined && input.targetType !== 'lyric') {
      throw badRequest('line_index_not_allowed', 'lineIndex filters lyric comments only');
    }
    const scope: ListScope = {
      targetType: input.targetType,
      targetId: input.targetId,
      lineIndex: input.lineIndex,
    };
    const limit = pageSize(input.limit, COMMENT_LIMITS);
    const cursorScope = `comments:${input.sort}:${input.targetType}:${input.targetId}:${input.lineIndex ?? ''}`;
    // The access check runs beside the reads (one round trip, not two); nothing read is
    // returned unless it passes.
    const [, page, total] = await Promise.all([
      this.targets.assertVisible(viewer.id, input),
      this.page(viewer.id, scope, input.sort, limit, cursorScope, input.cursor),
      this.comments.total(scope),
    ]);
    return { items: await this.views.build(viewer, page.items), nextCursor: page.nextCursor, total };
  }

  /** The replies of a thread, oldest first; `commentId` may be the thread's top or any reply in it. */
  async replies(
    viewer: CommentViewer,
    commentId: string,
    options: { limit?: number; cursor?: string },
  ): Promise<CommentPage> {
    const comment = await this.access.find(viewer.id, commentId);
    const root = comment.parentId ? await this.access.find(viewer.id, comment.parentId) : comment;
    const scope = `replies:${root.id}`;
    const limit = pageSize(options.limit, COMMENT_LIMITS);
    const rows = await this.comments.listReplies(
      viewer.id,
      root.id,
      timePosition(options.cursor, scope),
      limit + 1,
    );
    const page = pageOf(rows, limit, scope, atKey);
    return {
      items: await this.views.build(viewer, page.items),
      nextCursor: page.nextCursor,
      total: root.replyCount,
    };
  }

  /** The author deletes their own comment; its replies stay and it shows as "comment deleted". */
  async delete(viewer: CommentViewer, commentId: string): Promise<void> {
    const comment = await this.access.find(viewer.id, commentId);
    if (comment.authorId !== viewer.id) {
      throw canOnComment(viewer, 'remove', comment)
        ? forbidden('Remove other people’s comments with POST /api/v1/moderation/comments/{id}/remove')
        : forbidden('Only the author may delete a comment');
    }
    if (!canOnComment(viewer, 'delete', comment)) return; // already gone: deleting again is a no-op
    await this.comments.hide(comment.id, 'deleted', this.clock.now());
  }

  /** Comment counts per lyric line of a track, for the small badges of the now-playing page. */
  async lyricLineCounts(
    viewer: CommentViewer,
    trackId: string,
  ): Promise<{ lineIndex: number; count: number }[]> {
    await this.targets.assertVisible(viewer.id, { targetType: 'lyric', targetId: trackId });
    return this.comments.lyricLineCounts(trackId);
  }

  private async topLevelTarget(viewer: CommentViewer, input: PostCommentInput) {
    const resolved = await this.targets.resolveForPosting(viewer.id, input, input.lineIndex);
    return { ...resolved, parentId: null, replyToId: null, answeredAuthorId: undefined };
  }

  /** Where a reply goes: the thread of its parent, quoting the parent when that is a reply itself. */
  private async replyTarget(viewer: CommentViewer, input: PostCommentInput, parentId: string) {
    const parent = await this.access.find(viewer.id, parentId);
    if (!canOnComment(viewer, 'reply', parent)) throw commentNotFound();
    if (parent.targetType !== input.targetType || parent.targetId !== input.targetId) {
      throw badRequest('parent_target_mismatch', 'A reply goes on the same target as the comment it answers');
    }
    const resolved: ResolvedTarget = {
      targetType: parent.targetType,
      targetId: parent.targetId,
      lineIndex: parent.lineIndex,
      quotedLine: parent.quotedLine,
    };
    return {
      ...resolved,
      parentId: parent.parentId ?? parent.id,
      replyToId: parent.parentId ? parent.id : null,
      answeredAuthorId: parent.authorId,
    };
  }

  private async page(
    viewerId: string,
    scope: ListScope,
    sort: CommentSort,
    limit: number,
    cursorScope: string,
    cursor: string | undefined,
  ): Promise<{ items: ListedComment[]; nextCursor: string | null }> {
    const decode = <T extends z.ZodType>(key: T) => {
      if (!cursor) return null;
      const decoded = decodeCursor(cursor, cursorScope, key);
      if (!decoded) throw invalidCursor();
      return decoded;
    };
    switch (sort) {
      case 'new':
        return pageOf(
          await this.comments.listNew(viewerId, scope, toTime(decode(timeKeySchema)), limit + 1),
          limit,
          cursorScope,
          atKey,
        );
      case 'hot':
        return pageOf(
          await this.comments.listHot(viewerId, scope, toScore(decode(scoreKey)), limit + 1),
          limit,
          cursorScope,
          scoreOf,
        );
      case 'recommended':
        return this.recommendedPage(viewerId, scope, limit, cursorScope, decode(recommendedKey));
    }
  }

  /** See recommended-order.ts: two disjoint streams, each with its own position in the cursor. */
  private async recommendedPage(
    viewerId: string,
    scope: ListScope,
    limit: number,
    cursorScope: string,
    at: z.infer<typeof recommendedKey> | null,
  ): Promise<{ items: ListedComment[]; nextCursor: string | null }> {
    const [hotAt, freshAt] = at ?? [null, null];
    const since = freshSince(this.clock.now());
    const [hot, fresh] = await Promise.all([
      hotAt === false ? [] : this.comments.listHot(viewerId, scope, toScore(hotAt), limit + 1, since),
      freshAt === false
        ? []
        : this.comments.listUnnoticed(viewerId, scope, since, toTime(freshAt), limit + 1),
    ]);
    const page = interleave(hot, fresh, limit);
    const position = <K>(
      rows: ListedComment[],
      used: number,
      before: K | null | false,
      key: (c: ListedComment) => K,
    ) => (rows.length <= used ? false : used > 0 ? key(rows[used - 1]!) : before);
    const nextHot = position(hot, page.hotUsed, hotAt, scoreOf);
    const nextFresh = position(fresh, page.freshUsed, freshAt, atKey);
    const more = nextHot !== false || nextFresh !== false;
    return { items: page.items, nextCursor: more ? encodeCursor(cursorScope, [nextHot, nextFresh]) : null };
  }

  /** Tells whoever was answered or mentioned; a failure here must not fail the accepted post. */
  private async announce(comment: ListedComment, answeredAuthorId: string | undefined): Promise<void> {
    const about = { id: comment.id, targetType: comment.targetType, targetId: comment.targetId };
    const events: NotificationEvent[] = [];
    if (answeredAuthorId) {
      events.push({
        kind: 'reply',
        recipientId: answeredAuthorId,
        actorId: comment.authorId,
        comment: about,
      });
    }
    for (const userId of comment.mentions) {
      if (userId === answeredAuthorId) continue; // already told about the reply
      events.push({ kind: 'mention', recipientId: userId, actorId: comment.authorId, comment: about });
    }
    for (const event of events) {
      await this.notifier.notify(event).catch((error: unknown) => {
        this.logger.warn({ err: error, commentId: comment.id }, `${event.kind} notification failed`);
      });
    }
  }
}
