import { notFound } from '../../http/errors.ts';
import type { CommentRow, CommentRepository } from './comment.repository.ts';
import type { CommentTargets } from './comment-targets.ts';

export const commentNotFound = () => notFound('comment_not_found', 'No such comment');

/**
 * Finds a comment for a viewer: one on a target they cannot see (a private playlist) is
 * missing to them, exactly like one that never existed.
 */
export class CommentAccess {
  constructor(
    private readonly comments: Pick<CommentRepository, 'findById'>,
    private readonly targets: Pick<CommentTargets, 'canSee'>,
  ) {}

  async find(viewerId: string, commentId: string): Promise<CommentRow> {
    const comment = await this.comments.findById(commentId);
    if (!comment || !(await this.targets.canSee(viewerId, comment))) throw commentNotFound();
    return comment;
  }
}
