import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeComment, type BodyToken } from './comment-text.ts';

const bob = { id: 'u-bob', username: 'bob' };
const ann = { id: 'u-ann', username: 'Ann.Lee' };

const join = (tokens: BodyToken[]) => tokens.map((token) => token.text).join('');

/** Text that likes to look like mentions, markup and links. */
const tricky = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        '@bob',
        '@BOB',
        '@ann.lee.',
        '@nobody',
        'x@bob',
        '@',
        '.',
        '<img src=x onerror=alert(1)>',
        '<script>alert(1)</script>',
        '&lt;b&gt;',
        'https://example.com/@bob?a=1&b=2',
        '😀',
        '谢谢@bob',
        '\n',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('the comment tokenizer', () => {
  it('links the mentions the server resolved, ignoring case', () => {
    expect(tokenizeComment('hi @BOB and @nobody', [bob])).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', text: '@BOB', userId: 'u-bob' },
      { kind: 'text', text: ' and @nobody' },
    ]);
  });

  it('ends a handle before a full stop, and never inside an e-mail address', () => {
    expect(tokenizeComment('thanks @ann.lee.', [ann])).toEqual([
      { kind: 'text', text: 'thanks ' },
      { kind: 'mention', text: '@ann.lee', userId: 'u-ann' },
      { kind: 'text', text: '.' },
    ]);
    expect(tokenizeComment('mail bob@bob.com', [bob])).toEqual([{ kind: 'text', text: 'mail bob@bob.com' }]);
    expect(tokenizeComment('谢谢@bob', [bob])[1]).toEqual({ kind: 'mention', text: '@bob', userId: 'u-bob' });
  });

  it('keeps markup and links as the plain text they are', () => {
    const body = '<img src=x onerror=alert(1)> see https://evil.example/<b>';
    expect(tokenizeComment(body, [bob])).toEqual([{ kind: 'text', text: body }]);
  });

  it('gives back the input when the pieces are put together, and no piece is ever markup', () => {
    fc.assert(
      fc.property(tricky, fc.subarray([bob, ann]), (body, mentions) => {
        const tokens = tokenizeComment(body, mentions);
        expect(join(tokens)).toBe(body);
        for (const token of tokens) {
          expect(['text', 'mention']).toContain(token.kind);
          expect(typeof token.text).toBe('string');
          expect(token.text).not.toBe('');
          if (token.kind === 'mention') {
            // A mention is "@" and a username: nothing a browser could read as markup.
            expect(token.text).toMatch(/^@[A-Za-z0-9_.-]+$/);
            expect(mentions.map((m) => m.id)).toContain(token.userId);
          }
        }
        // Neighbouring plain text is one piece.
        tokens.slice(1).forEach((token, i) => {
          expect(token.kind === 'text' && tokens[i]!.kind === 'text').toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });
});
