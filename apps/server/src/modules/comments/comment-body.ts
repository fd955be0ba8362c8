/**
 * What a comment body may be: plain text, trimmed, 1 to MAX_BODY_CODE_POINTS characters
 * counted as code points (an emoji such as 😀 is one, as a listener would count it). It is
 * stored and returned exactly as typed: no HTML is ever produced from it on the server, so a
 * `<script>` is just eleven characters for the client to show as text.
 *
 * Refused: control characters other than newline and tab (NUL cannot even be stored), and
 * unpaired surrogates (not text at all). Line endings are normalised to "\n".
 */

export const MAX_BODY_CODE_POINTS = 1000;
/** a bound on what is read at all, before counting code points */
export const MAX_BODY_UTF16_UNITS = 8 * MAX_BODY_CODE_POINTS;

export type BodyCheck =
  | { ok: true; text: string }
  | { ok: false; code: 'body_empty' | 'body_too_long' | 'body_invalid'; message: string };

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f]|\p{Cs}/u;

// Whitespace and format characters (zero-width space, joiners): a body of only these is empty.
const INVISIBLE = /[\s\p{Cf}]/gu;

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function checkCommentBody(raw: string): BodyCheck {
  if (raw.length > MAX_BODY_UTF16_UNITS) {
    return { ok: false, code: 'body_too_long', message: `At most ${MAX_BODY_CODE_POINTS} characters` };
  }
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text.replace(INVISIBLE, '').length === 0)
    return { ok: false, code: 'body_empty', message: 'Write something first' };
  if (FORBIDDEN.test(text)) {
    return { ok: false, code: 'body_invalid', message: 'Control characters are not allowed' };
  }
  if (codePointLength(text) > MAX_BODY_CODE_POINTS) {
    return { ok: false, code: 'body_too_long', message: `At most ${MAX_BODY_CODE_POINTS} characters` };
  }
  return { ok: true, text };
}

/** The first `max` characters, for quoting a comment in a reply or a notification. */
export function excerpt(text: string, max = 80): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}
