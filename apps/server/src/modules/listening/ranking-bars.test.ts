import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barScores } from './ranking-bars.ts';
import { canSeeRanking } from './ranking.policy.ts';

describe('play bars', () => {
  it('fills the first bar and scales the rest to it', () => {
    expect(barScores([40, 20, 10, 1])).toEqual([100, 50, 25, 3]);
  });

  it('keeps a bar of at least 1 for any track with plays', () => {
    expect(barScores([1000, 1])).toEqual([100, 1]);
  });

  it('is empty for an empty ranking', () => {
    expect(barScores([])).toEqual([]);
  });

  it('stays within 0..100 and keeps the order of the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { maxLength: 100 }), (counts) => {
        const sorted = [...counts].sort((a, b) => b - a);
        const bars = barScores(sorted);
        for (const bar of bars) expect(bar).toBeGreaterThanOrEqual(0);
        for (const bar of bars) expect(bar).toBeLessThanOrEqual(100);
        for (let i = 1; i < bars.length; i++) expect(bars[i]).toBeLessThanOrEqual(bars[i - 1]!);
      }),
    );
  });
});

describe('who sees a ranking', () => {
  it.each([
    ['the owner, shown', 'me', 'me', false, true],
    ['the owner, hidden', 'me', 'me', true, true],
    ['someone else, shown', 'you', 'me', false, true],
    ['someone else, hidden', 'you', 'me', true, false],
  ])('%s', (_case, viewer, owner, hidden, allowed) => {
    expect(canSeeRanking(viewer, owner, hidden)).toBe(allowed);
  });
});
