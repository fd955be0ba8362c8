import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTagText, nameKey, sortName } from './name-key.ts';

describe('nameKey', () => {
  it('makes spellings of one name equal', () => {
    expect(nameKey('  Kevin   MacLeod ')).toBe('kevin macleod');
    expect(nameKey('Ｋｅｖｉｎ　ＭａｃＬｅｏｄ')).toBe('kevin macleod');
    expect(nameKey('周杰伦')).toBe('周杰伦');
    expect(nameKey('Beyonce\u0301')).toBe(nameKey('Beyoncé'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('AC/DC')).not.toBe(nameKey('ACDC'));
    expect(nameKey('周杰伦')).not.toBe(nameKey('周杰倫'));
  });

  it('is idempotent, trimmed and single-spaced for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const key = nameKey(name);
        expect(nameKey(key)).toBe(key);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/\s{2}/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sortName', () => {
  it('files "The Beatles" under B but leaves "The" alone', () => {
    expect(sortName('The Beatles')).toBe('beatles');
    expect(sortName('The')).toBe('the');
    expect(sortName('Theodore')).toBe('theodore');
  });
});

describe('cleanTagText', () => {
  it('returns null for missing or blank values', () => {
    expect(cleanTagText(undefined, 10)).toBeNull();
    expect(cleanTagText(42, 10)).toBeNull();
    expect(cleanTagText(' \u0000 \t', 10)).toBeNull();
  });

  it('removes control characters PostgreSQL would refuse and caps by code point', () => {
    expect(cleanTagText('a\u0000b\nc', 10)).toBe('a b c');
    expect(cleanTagText('😀😀😀', 2)).toBe('😀😀');
  });

  it('never returns NUL or an over-long value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 20 }), (value, max) => {
        const cleaned = cleanTagText(value, max);
        if (cleaned === null) return;
        expect(cleaned).not.toContain('\u0000');
        expect(Array.from(cleaned).length).toBeLessThanOrEqual(max);
        expect(cleaned).toBe(cleaned.trim());
      }),
    );
  });
});
