import { describe, expect, it } from 'vitest';
import { currentLineIndex, preferredTranslation, withTranslation } from './lyric-lines.ts';

const lines = [
  { timeMs: 0, text: '故事的小黄花' },
  { timeMs: 5000, text: '从出生那年就飘着' },
  { timeMs: 9000, text: '童年的荡秋千' },
];

describe('lyric lines', () => {
  it('finds the line being sung', () => {
    expect(currentLineIndex(lines, -1)).toBe(-1);
    expect(currentLineIndex(lines, 0)).toBe(0);
    expect(currentLineIndex(lines, 4999)).toBe(0);
    expect(currentLineIndex(lines, 5000)).toBe(1);
    expect(currentLineIndex(lines, 60_000)).toBe(2);
    expect(currentLineIndex([], 100)).toBe(-1);
  });

  it('never highlights unsynced lyrics', () => {
    expect(currentLineIndex([{ timeMs: null }, { timeMs: null }], 5000)).toBe(-1);
  });

  it('puts each translation under the line with the same time', () => {
    const merged = withTranslation(lines, [
      { timeMs: 5000, text: 'Floating since the year I was born' },
      { timeMs: 0, text: 'The little yellow flower of the story' },
    ]);
    expect(merged.map((l) => l.translation)).toEqual([
      'The little yellow flower of the story',
      'Floating since the year I was born',
      null,
    ]);
  });

  it('pairs unsynced lyrics line by line', () => {
    const merged = withTranslation(
      [
        { timeMs: null, text: '一' },
        { timeMs: null, text: '二' },
      ],
      [
        { timeMs: null, text: 'one' },
        { timeMs: null, text: 'two' },
      ],
    );
    expect(merged.map((l) => l.translation)).toEqual(['one', 'two']);
  });

  it('prefers a translation in the reader’s language', () => {
    expect(preferredTranslation(['en', 'ja'], 'en')).toBe('en');
    expect(preferredTranslation(['zh-Hans', 'en'], 'zh-CN')).toBe('zh-Hans');
    expect(preferredTranslation(['ja'], 'en')).toBeUndefined();
  });
});
