/**
 * What the composer knows about a draft before sending it, by the server's rules
 * (comments/comment-body.ts): line endings normalised, trimmed, counted in code points (an
 * emoji such as 😀 is one character, as a person counts it), 1 to 1,000 of them, and a draft
 * of only spaces or invisible characters is empty.
 */
export const MAX_COMMENT_LENGTH = 1000;

const INVISIBLE = /[\s\p{Cf}]/gu;

export function codePointCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export interface DraftState {
  /** characters the server will count */
  length: number;
  blank: boolean;
  tooLong: boolean;
  sendable: boolean;
}

export function draftState(raw: string): DraftState {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const length = codePointCount(text);
  const blank = text.replace(INVISIBLE, '').length === 0;
  const tooLong = length > MAX_COMMENT_LENGTH;
  return { length, blank, tooLong, sendable: !blank && !tooLong };
}
