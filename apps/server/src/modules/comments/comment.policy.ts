import type { Role } from '../../db/schema.ts';
import type { CommentStatus } from '../../db/tables/comments.ts';
import { canModerate } from '../moderation/moderation.policy.ts';

/**
 * Who may do what with a comment someone can already see (whether the viewer can see the
 * comment's target at all, a private playlist, is asked first: if not, it is a 404).
 *
 * - delete: the author, on their own visible comment; it shows as "comment deleted".
 * - remove: staff (moderator, admin), with a reason, recorded in the audit log.
 * - report: anyone but the author, on a visible comment.
 * - like, reply: anyone, on a visible comment; hug: anyone but the author.
 * - readBody: nobody reads the body of a deleted or removed comment through the comment
 *   lists, not even its author or staff (staff see it in the reports queue).
 * - seeHugCount: only the author; a hug is private between the hugger and the author.
 */
export type CommentAction =
  'delete' | 'remove' | 'report' | 'like' | 'hug' | 'reply' | 'readBody' | 'seeHugCount';

export interface CommentViewer {
  id: string;
  role: Role;
}

export interface CommentFacts {
  authorId: string;
  status: CommentStatus;
}

export function canOnComment(viewer: CommentViewer, action: CommentAction, comment: CommentFacts): boolean {
  const own = viewer.id === comment.authorId;
  const visible = comment.status === 'visible';
  switch (action) {
    case 'delete':
      return own && visible;
    case 'remove':
      return visible && canModerate(viewer.role, 'removeComment');
    case 'report':
    case 'hug':
      return visible && !own;
    case 'like':
    case 'reply':
    case 'readBody':
      return visible;
    case 'seeHugCount':
      return own;
  }
}

/** What the viewer may do, as the `abilities` of a comment in a response. */
export function commentAbilities(viewer: CommentViewer, comment: CommentFacts) {
  return {
    delete: canOnComment(viewer, 'delete', comment),
    remove: canOnComment(viewer, 'remove', comment),
    report: canOnComment(viewer, 'report', comment),
  };
}
