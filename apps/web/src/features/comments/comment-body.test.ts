import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointCount, draftState, MAX_COMMENT_LENGTH } from './comment-body.ts';

describe('the comment draft', () => {
  it('counts an emoji as one character, as the server does', () => {
    expect(codePointCount('😀')).toBe(1);
    expect('😀'.length).toBe(2);
    expect(draftState('好听😭😭').length).toBe(4);
  });

  it('allows exactly 1,000 characters, emoji included', () => {
    expect(draftState('😀'.repeat(MAX_COMMENT_LENGTH))).toMatchObject({ length: 1000, sendable: true });
    expect(draftState('😀'.repeat(MAX_COMMENT_LENGTH + 1))).toMatchObject({ tooLong: true, sendable: false });
  });

  it('does not count the spaces the server trims', () => {
    expect(draftState('  hi \r\n').length).toBe(2);
    expect(draftState(`  ${'a'.repeat(1000)}  `).sendable).toBe(true);
  });

  it('refuses a draft of only spaces or invisible characters', () => {
    for (const blank of ['', '   ', '\n\t', '\u200b\u200d', '\u3000'])
      expect(draftState(blank).sendable).toBe(false);
    expect(draftState(' x ').sendable).toBe(true);
  });

  it('counts code points for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(codePointCount(text)).toBe(Array.from(text).length);
      }),
    );
  });
});
