import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldName, runsOf } from './search-normalizer.ts';

describe('fold', () => {
  it.each([
    ['Beyoncé', 'beyonce'],
    ['FÜR ELISE', 'fur elise'],
    ['ＡＢＣ１２３', 'abc123'],
    ['Straße', 'strasse'],
    ['Sigur Rós', 'sigur ros'],
    ['Mötley Crüe', 'motley crue'],
    ["Don't", 'dont'],
    ['Don’t', 'dont'],
    ['한국어', '한국어'],
    ['晴天', '晴天'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('runsOf', () => {
  it('cuts text into runs of one script', () => {
    expect(runsOf(fold('周杰伦Live 2004 晴天!'))).toEqual([
      { script: 'han', text: '周杰伦' },
      { script: 'word', text: 'live' },
      { script: 'word', text: '2004' },
      { script: 'han', text: '晴天' },
    ]);
  });

  it('keeps kana and hangul apart from Han', () => {
    expect(runsOf('東京カタカナ').map((r) => r.script)).toEqual(['han', 'cjk']);
  });
});

describe('foldName', () => {
  it('joins words with one space and drops punctuation', () => {
    expect(foldName('  Für   Elise!! (Live) ')).toBe('fur elise live');
  });

  it('never throws and is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const once = foldName(text);
        expect(foldName(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(300);
      }),
    );
  });
});
