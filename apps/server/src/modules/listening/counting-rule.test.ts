import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAfterMs, countsAsPlay, MAX_COUNT_AFTER_MS } from './counting-rule.ts';

describe('the counting rule', () => {
  it('counts a short track once more than half was heard', () => {
    expect(countsAsPlay(100_000, 200_000)).toBe(false);
    expect(countsAsPlay(100_001, 200_000)).toBe(true);
  });

  it('counts a long track after more than 4 minutes, however long it is', () => {
    expect(countsAsPlay(240_000, 1_200_000)).toBe(false);
    expect(countsAsPlay(240_001, 1_200_000)).toBe(true);
    expect(countAfterMs(3_600_000)).toBe(MAX_COUNT_AFTER_MS);
  });

  it('switches from half to 4 minutes at an 8-minute track', () => {
    expect(countAfterMs(479_998)).toBe(239_999);
    expect(countAfterMs(480_000)).toBe(240_000);
    expect(countAfterMs(480_002)).toBe(240_000);
  });

  it('rounds an odd half down, so "more than half" stays exact in whole milliseconds', () => {
    // half of 3001 is 1500.5: 1500 is not more, 1501 is
    expect(countsAsPlay(1_500, 3_001)).toBe(false);
    expect(countsAsPlay(1_501, 3_001)).toBe(true);
  });

  it('counts a track of unknown length once anything was heard', () => {
    expect(countsAsPlay(0, 0)).toBe(false);
    expect(countsAsPlay(1, 0)).toBe(true);
  });

  it('is more than half or more than 4 minutes, for any length', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), (played, duration) => {
        expect(countsAsPlay(played, duration)).toBe(played > duration / 2 || played > MAX_COUNT_AFTER_MS);
      }),
    );
  });
});
