import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { tokenizeComment, type ResolvedMention } from './comment-text.ts';

/**
 * A comment's text: every piece is a React text node (so "<img onerror=…>" shows as those
 * characters), links in it stay plain text, and resolved @mentions link to the person.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: readonly ResolvedMention[] }) {
  const tokens = useMemo(() => tokenizeComment(body, mentions), [body, mentions]);
  return (
    <span className="comment-body" data-testid="comment-body">
      {tokens.map((token, i) =>
        token.kind === 'mention' ? (
          <Link key={i} className="comment-mention" to={`/users/${token.userId}`}>
            {token.text}
          </Link>
        ) : (
          <span key={i}>{token.text}</span>
        ),
      )}
    </span>
  );
}
