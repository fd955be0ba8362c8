import type { CommentViewer } from './comment.policy.ts';
import type { CommentRepository, ListedComment, QuotedComment } from './comment.repository.ts';
import type { MentionedUser, MentionRepository } from './mention.repository.ts';

/** A comment with everything a response about it needs, as seen by one viewer. */
export interface CommentView {
  comment: ListedComment;
  viewer: CommentViewer;
  replyTo: QuotedComment | null;
  mentions: MentionedUser[];
}

/**
 * Completes a page of comments (already read with the viewer's likes and hugs) with the
 * replies' quotes and the mentioned users, each in one batch and only when the page has any.
 */
export class CommentViews {
  constructor(
    private readonly comments: Pick<CommentRepository, 'quoted'>,
    private readonly mentions: Pick<MentionRepository, 'findByIds'>,
  ) {}

  async build(viewer: CommentViewer, page: readonly ListedComment[]): Promise<CommentView[]> {
    const quotedIds = unique(page.flatMap((c) => (c.replyToId ? [c.replyToId] : [])));
    const mentionIds = unique(page.flatMap((c) => (c.status === 'visible' ? c.mentions : [])));
    const [quoted, mentioned] = await Promise.all([
      this.comments.quoted(quotedIds),
      this.mentions.findByIds(mentionIds),
    ]);
    const quotes = new Map(quoted.map((q) => [q.id, q]));
    const users = new Map(mentioned.map((u) => [u.id, u]));
    return page.map((comment) => ({
      comment,
      viewer,
      replyTo: comment.replyToId ? (quotes.get(comment.replyToId) ?? null) : null,
      mentions: comment.status === 'visible' ? comment.mentions.flatMap((id) => users.get(id) ?? []) : [],
    }));
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
