import { forbidden } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../notifications/notification-event.ts';
import { commentNotFound, type CommentAccess } from './comment-access.ts';
import { canOnComment, type CommentViewer } from './comment.policy.ts';
import type { CommentRow } from './comment.repository.ts';
import type { CommentReactionRepository } from './comment-reaction.repository.ts';

/**
 * Likes and hugs. Both are idempotent: liking twice is one like, unliking what was never
 * liked changes nothing, and a hug is given once. The author hears about a new like (grouped)
 * or hug; nobody but the author ever learns how many hugs a comment has.
 */
export class CommentReactionService {
  constructor(
    private readonly access: CommentAccess,
    private readonly reactions: CommentReactionRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async like(viewer: CommentViewer, commentId: string): Promise<{ liked: true; likeCount: number }> {
    const comment = await this.reachable(viewer, commentId);
    const result = await this.reactions.like(comment.id, viewer.id, this.clock.now());
    if (!result) throw commentNotFound();
    if (result.changed) await this.tell('like', comment, viewer);
    return { liked: true, likeCount: result.count };
  }

  async unlike(viewer: CommentViewer, commentId: string): Promise<{ liked: false; likeCount: number }> {
    const comment = await this.reachable(viewer, commentId);
    const result = await this.reactions.unlike(comment.id, viewer.id, this.clock.now());
    if (!result) throw commentNotFound();
    return { liked: false, likeCount: result.count };
  }

  async hug(viewer: CommentViewer, commentId: string): Promise<{ hugged: true }> {
    const comment = await this.reachable(viewer, commentId);
    if (!canOnComment(viewer, 'hug', comment)) throw forbidden('You cannot hug your own comment');
    const result = await this.reactions.hug(comment.id, viewer.id, this.clock.now());
    if (!result) throw commentNotFound();
    if (result.changed) await this.tell('hug', comment, viewer);
    return { hugged: true };
  }

  /** A comment the viewer can see and that is still there to react to. */
  private async reachable(viewer: CommentViewer, commentId: string): Promise<CommentRow> {
    const comment = await this.access.find(viewer.id, commentId);
    if (!canOnComment(viewer, 'like', comment)) throw commentNotFound();
    return comment;
  }

  private async tell(kind: 'like' | 'hug', comment: CommentRow, viewer: CommentViewer): Promise<void> {
    const about = { id: comment.id, targetType: comment.targetType, targetId: comment.targetId };
    await this.notifier
      .notify({ kind, recipientId: comment.authorId, actorId: viewer.id, comment: about })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, commentId: comment.id }, `${kind} notification failed`),
      );
  }
}
