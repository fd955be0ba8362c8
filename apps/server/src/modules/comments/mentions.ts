/**
 * @mentions in a comment body. A mention is "@" + a username (3-32 of A-Z a-z 0-9 _ . -, the
 * accounts module's rule), where the "@" does not follow a username character, so an e-mail
 * address is not a mention but "谢谢@bob" and "(@bob)" are. A trailing "." ends the sentence,
 * not the name ("thanks @bob." mentions bob). Usernames are unique ignoring case, so handles
 * are lower-cased and de-duplicated in order of first appearance; at most MAX_MENTIONS count,
 * so one comment cannot page a crowd.
 *
 * Only handles come out of here; which of them are real users is looked up at write time,
 * and the comment stores their ids (a later rename does not break the link).
 */

export const MAX_MENTIONS = 10;

const NAME_CHAR = '[A-Za-z0-9_.-]';
const MENTION = new RegExp(`(?<![A-Za-z0-9_.@-])@(${NAME_CHAR}+)`, 'g');
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

export function parseMentions(body: string): string[] {
  const handles: string[] = [];
  for (const match of body.matchAll(MENTION)) {
    const handle = (match[1] ?? '').replace(/\.+$/, '').toLowerCase();
    if (!USERNAME.test(handle) || handles.includes(handle)) continue;
    handles.push(handle);
    if (handles.length === MAX_MENTIONS) break;
  }
  return handles;
}
