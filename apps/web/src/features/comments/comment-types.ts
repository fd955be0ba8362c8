import type { Comment } from '../../lib/api-types.ts';

export type { Comment, CommentPage } from '../../lib/api-types.ts';
export type CommentTargetType = Comment['targetType'];
export type CommentSort = 'hot' | 'new' | 'recommended';

/** What comments are about: a track, album or playlist, or one line of a track's lyrics. */
export interface CommentTarget {
  targetType: CommentTargetType;
  targetId: string;
  lineIndex?: number;
}
