import type { z } from 'zod';
import { avatarUrl } from '../accounts/account.presenter.ts';
import { excerpt } from './comment-body.ts';
import { canOnComment, commentAbilities } from './comment.policy.ts';
import type { commentSchema } from './comment.schema.ts';
import type { CommentView } from './comment-views.ts';

/**
 * A comment as the viewer may see it. Text goes out exactly as stored, as JSON strings: the
 * server never turns it into HTML. What the policy hides is left out, not blanked by clients:
 * the body and author of a gone comment, and the hug count for anyone but the author.
 */
export function presentComment(view: CommentView): z.infer<typeof commentSchema> {
  const { comment, viewer, replyTo } = view;
  const readable = canOnComment(viewer, 'readBody', comment);
  return {
    id: comment.id,
    targetType: comment.targetType,
    targetId: comment.targetId,
    lineIndex: comment.lineIndex,
    quotedLine: comment.quotedLine,
    parentId: comment.parentId,
    author: readable
      ? {
          id: comment.author.id,
          username: comment.author.username,
          nickname: comment.author.nickname,
          avatarUrl: avatarUrl(comment.author.avatarId),
        }
      : null,
    body: readable ? comment.body : null,
    mentions: view.mentions.map((u) => ({ id: u.id, username: u.username })),
    likeCount: comment.likeCount,
    replyCount: comment.replyCount,
    hugCount: canOnComment(viewer, 'seeHugCount', comment) ? comment.hugCount : null,
    liked: comment.liked,
    hugged: comment.hugged,
    replyTo: replyTo
      ? replyTo.status === 'visible'
        ? {
            id: replyTo.id,
            authorNickname: replyTo.authorNickname,
            excerpt: excerpt(replyTo.body),
            deleted: false,
          }
        : { id: replyTo.id, authorNickname: null, excerpt: null, deleted: true }
      : null,
    createdAt: comment.createdAt.toISOString(),
    deleted: comment.status !== 'visible',
    status: comment.status,
    abilities: commentAbilities(viewer, comment),
  };
}
