import { describe, expect, it } from 'vitest';
import { sanitizeFileName, trackBaseName } from './file-names.ts';

describe('file names', () => {
  it('keeps Chinese text and replaces characters file systems reject', () => {
    expect(sanitizeFileName('夜雨')).toBe('夜雨');
    expect(sanitizeFileName('AC/DC: "Live"?')).toBe('AC_DC_ _Live__');
    expect(sanitizeFileName('a\u0000b\tc')).toBe('a_b_c');
    expect(sanitizeFileName('  ..hidden.  ')).toBe('hidden');
    expect(sanitizeFileName('...')).toBe('_');
  });

  it('numbers tracks with two digits', () => {
    expect(trackBaseName(3, '风铃/与你')).toBe('03 - 风铃_与你');
  });
});
