import { describe, expect, it } from 'vitest';
import { movement } from './chart-movement.ts';
import { chartWindows, decayWeight, HOT_DAYS } from './chart-windows.ts';

describe('hot decay', () => {
  it('halves every two days', () => {
    expect(decayWeight(0)).toBe(1);
    expect(decayWeight(2)).toBeCloseTo(0.5);
    expect(decayWeight(4)).toBeCloseTo(0.25);
    expect(decayWeight(1)).toBeCloseTo(Math.SQRT1_2);
  });

  it('weights the 7 UTC days up to today, today heaviest', () => {
    const windows = chartWindows(new Date('2026-11-23T00:30:00.000Z'));
    expect(windows.hot.map((w) => w.day)).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
    expect(windows.hot).toHaveLength(HOT_DAYS);
    const weights = windows.hot.map((w) => w.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(weights[6]).toBeCloseTo(0.125);
  });

  it('ranks 10 plays today above 15 plays four days ago, but not above 45', () => {
    expect(10 * decayWeight(0)).toBeGreaterThan(15 * decayWeight(4));
    expect(10 * decayWeight(0)).toBeLessThan(45 * decayWeight(4));
  });
});

describe('rising and new windows', () => {
  it('compares this week with the 7 days before it, and looks 30 days back for new tracks', () => {
    const now = new Date('2026-11-23T12:00:00.000Z');
    const windows = chartWindows(now);
    expect(windows).toMatchObject({
      today: '2026-11-23',
      risingFrom: '2026-11-17',
      previousFrom: '2026-11-10',
      newFromDay: '2026-10-24',
      newSince: new Date('2026-10-24T12:00:00.000Z'),
    });
  });
});

describe('movement', () => {
  it.each([
    [3, 5, 'up', 2],
    [5, 3, 'down', -2],
    [4, 4, 'same', 0],
    [1, null, 'new', 0],
  ] as const)('rank %s after %s is %s', (rank, previous, expected, change) => {
    expect(movement(rank, previous)).toEqual({ movement: expected, change });
  });
});
