/**
 * A comment body as pieces to show: plain text and @mentions. The body is user text and stays
 * text: pieces are rendered as React text nodes (escaped), links in the body are not made
 * clickable, and only a mention the server resolved to a user becomes a link to them.
 *
 * A mention is spotted exactly as the server parses it (comments/mentions.ts): "@" plus
 * username characters, where the "@" does not follow a username character (so an e-mail
 * address is not one), a trailing "." ends the sentence rather than the name, and handles
 * match usernames ignoring case.
 */
export type BodyToken = { kind: 'text'; text: string } | { kind: 'mention'; text: string; userId: string };

export interface ResolvedMention {
  id: string;
  username: string;
}

const MENTION = /(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_.-]+)/g;

export function tokenizeComment(body: string, mentions: readonly ResolvedMention[]): BodyToken[] {
  const users = new Map(mentions.map((m) => [m.username.toLowerCase(), m.id]));
  const tokens: BodyToken[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = tokens.at(-1);
    if (last?.kind === 'text') last.text += text;
    else tokens.push({ kind: 'text', text });
  };
  let at = 0;
  for (const match of body.matchAll(MENTION)) {
    const raw = match[1] ?? '';
    const handle = raw.replace(/\.+$/, '');
    const userId = users.get(handle.toLowerCase());
    if (!userId || handle === '') continue;
    pushText(body.slice(at, match.index));
    tokens.push({ kind: 'mention', text: `@${handle}`, userId });
    at = match.index + 1 + handle.length;
  }
  pushText(body.slice(at));
  return tokens;
}
