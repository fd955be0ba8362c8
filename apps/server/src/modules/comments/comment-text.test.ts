import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCommentBody, codePointLength, excerpt, MAX_BODY_CODE_POINTS } from './comment-body.ts';
import { MAX_MENTIONS, parseMentions } from './mentions.ts';

const usernameChars = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-');
const username = fc
  .string({ unit: fc.constantFrom(...usernameChars), minLength: 3, maxLength: 32 })
  .filter((u) => !u.endsWith('.'));
/** text that cannot glue itself onto a handle: it neither starts nor ends with a name character */
const filler = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => ` ${s.replace(/@/g, '')} `);

describe('parseMentions', () => {
  it('finds every username written as @name between other text', () => {
    fc.assert(
      fc.property(
        fc.array(username, { minLength: 1, maxLength: 4 }),
        filler,
        filler,
        (names, before, after) => {
          const body = before + names.map((n) => `@${n}`).join(' , ') + after;
          const found = parseMentions(body);
          const expected = [...new Set(names.map((n) => n.toLowerCase()))];
          expect(found).toEqual(expected);
        },
      ),
    );
  });

  it('returns only valid, distinct, lower-case usernames, at most MAX_MENTIONS', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('@', ' ', 'a', 'B', '.', '-', '_', '1', '晴', '😀'),
          maxLength: 300,
        }),
        (body) => {
          const found = parseMentions(body);
          expect(found.length).toBeLessThanOrEqual(MAX_MENTIONS);
          expect(new Set(found).size).toBe(found.length);
          for (const handle of found) {
            expect(handle).toMatch(/^[a-z0-9_.-]{3,32}$/);
            expect(body.toLowerCase()).toContain(`@${handle}`);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads Chinese text, punctuation and sentence ends as boundaries', () => {
    expect(parseMentions('谢谢@Jay_Chou，还有(@sunny.day)!')).toEqual(['jay_chou', 'sunny.day']);
    expect(parseMentions('thanks @bob. and @bob again')).toEqual(['bob']);
    expect(parseMentions('@alice@bob')).toEqual(['alice']);
  });

  it('ignores e-mail addresses, lone @ and names too short or too long', () => {
    expect(parseMentions('mail me at bob@example.com')).toEqual([]);
    expect(parseMentions('@ @@ @ab @' + 'x'.repeat(33))).toEqual([]);
  });

  it('stops at MAX_MENTIONS', () => {
    const body = Array.from({ length: 30 }, (_, i) => `@user${i}`).join(' ');
    expect(parseMentions(body)).toEqual(Array.from({ length: MAX_MENTIONS }, (_, i) => `user${i}`));
  });
});

describe('checkCommentBody', () => {
  it('accepts any text of 1 to 1,000 visible characters and keeps it verbatim, trimmed', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 300 })
      // eslint-disable-next-line no-control-regex -- replacing control characters is the point
      .map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\r]/g, 'x').trim())
      .filter((s) => s.replace(/[\s\p{Cf}]/gu, '').length > 0 && codePointLength(s) <= MAX_BODY_CODE_POINTS);
    fc.assert(
      fc.property(text, fc.constantFrom('', ' ', '\n', '\u3000'), (body, pad) => {
        expect(checkCommentBody(pad + body + pad)).toEqual({ ok: true, text: body });
      }),
    );
  });

  it('answers every input without throwing, and what it accepts is within the rules', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1200 }), (raw) => {
        const result = checkCommentBody(raw);
        if (!result.ok) return;
        expect(result.text).toBe(result.text.trim());
        expect(codePointLength(result.text)).toBeGreaterThan(0);
        expect(codePointLength(result.text)).toBeLessThanOrEqual(MAX_BODY_CODE_POINTS);
        // eslint-disable-next-line no-control-regex -- NUL cannot be stored; CR is normalised away
        expect(result.text).not.toMatch(/[\u0000\r]/);
      }),
      { numRuns: 500 },
    );
  });

  it('counts an emoji as one character', () => {
    expect(checkCommentBody('😀'.repeat(1000))).toMatchObject({ ok: true });
    expect(checkCommentBody('😀'.repeat(1001))).toMatchObject({ ok: false, code: 'body_too_long' });
    expect(checkCommentBody('a'.repeat(1001))).toMatchObject({ ok: false, code: 'body_too_long' });
  });

  it('refuses empty, whitespace-only and invisible-only bodies', () => {
    for (const body of ['', '   ', '\n\t\n', '\u3000', '\u200b\u200d']) {
      expect(checkCommentBody(body)).toMatchObject({ ok: false, code: 'body_empty' });
    }
  });

  it('refuses control characters and broken surrogates, which are not text', () => {
    expect(checkCommentBody('a\u0000b')).toMatchObject({ ok: false, code: 'body_invalid' });
    expect(checkCommentBody('a\u0007b')).toMatchObject({ ok: false, code: 'body_invalid' });
    expect(checkCommentBody('a\ud83db')).toMatchObject({ ok: false, code: 'body_invalid' });
  });

  it('keeps markup as the characters typed and normalises line endings', () => {
    const xss = '<img src=x onerror="alert(1)"><script>alert(`x`)</script>';
    expect(checkCommentBody(xss)).toEqual({ ok: true, text: xss });
    expect(checkCommentBody('a\r\nb\rc')).toEqual({ ok: true, text: 'a\nb\nc' });
  });
});

describe('excerpt', () => {
  it('cuts at a character boundary, never inside an emoji', () => {
    expect(excerpt('😀'.repeat(100), 3)).toBe('😀😀😀…');
    expect(excerpt('short')).toBe('short');
  });
});
