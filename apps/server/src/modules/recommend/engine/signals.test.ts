import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_GAMMA,
  SIGNAL_WEIGHTS,
  confidencesFromEvents,
  confidencesFromScores,
  netScores,
  type FeedbackEvent,
} from './signals.ts';
import { buildCsr, triplesFrom, type Csr } from './sparse.ts';

const cell = (m: Csr, r: number, c: number) => {
  for (let p = m.indptr[r]!; p < m.indptr[r + 1]!; p++) if (m.indices[p] === c) return m.values[p]!;
  return undefined;
};

describe('implicit feedback signals', () => {
  it('orders the documented weights as the issue asks', () => {
    const w = SIGNAL_WEIGHTS;
    expect(w.finish).toBeGreaterThan(0);
    expect(w.skip).toBeLessThan(0);
    expect(w.loop).toBeGreaterThan(w.finish);
    expect(w.like).toBeGreaterThan(w.loop);
    expect(w.collect).toBeGreaterThan(w.finish);
    expect(w.share).toBeGreaterThan(w.finish);
    expect(w.trash).toBeLessThan(w.skip);
    expect(w.like).toBe(-w.trash);
  });

  it('sums events per cell and turns them into signed confidences', () => {
    const events: FeedbackEvent[] = [
      { user: 0, item: 0, kind: 'finish', count: 3 }, // s = 3
      { user: 0, item: 1, kind: 'like' },
      { user: 0, item: 1, kind: 'finish' }, // s = 4
      { user: 0, item: 2, kind: 'finish' }, // s = 1
      { user: 0, item: 3, kind: 'skip' }, // s = -1
      { user: 0, item: 4, kind: 'finish' },
      { user: 0, item: 4, kind: 'skip' }, // s = 0
      { user: 1, item: 0, kind: 'trash' }, // s = -3
    ];
    const { net } = netScores(events, 2, 5);
    expect(cell(net, 0, 1)).toBe(4);
    expect(cell(net, 0, 4)).toBe(0);
    const { interactions, blocked } = confidencesFromEvents(events, 2, 5);
    const median = 3; // of user 0's positive scores 3, 4, 1
    expect(cell(interactions, 0, 0)).toBeCloseTo(1 + CONFIDENCE_GAMMA * Math.log1p(3 / median), 6);
    expect(cell(interactions, 0, 1)).toBeCloseTo(1 + CONFIDENCE_GAMMA * Math.log1p(4 / median), 6);
    expect(cell(interactions, 0, 1)!).toBeGreaterThan(cell(interactions, 0, 0)!);
    expect(cell(interactions, 0, 3)).toBeCloseTo(-Math.log1p(1), 6);
    expect(cell(interactions, 0, 4)).toBe(0);
    expect(cell(interactions, 1, 0)).toBeCloseTo(-Math.log1p(3), 6);
    expect(cell(blocked, 1, 0)).toBe(1);
    expect(blocked.indices.length).toBe(1);
  });

  it('is relative to each user: the same spread for heavy and light listeners', () => {
    const net = buildCsr(
      triplesFrom([
        [0, 0, 2],
        [0, 1, 4],
        [1, 0, 200],
        [1, 1, 400],
      ]),
      2,
      2,
    );
    const c = confidencesFromScores(net);
    expect(cell(c, 0, 0)).toBeCloseTo(cell(c, 1, 0)!, 6);
    expect(cell(c, 0, 1)).toBeCloseTo(cell(c, 1, 1)!, 6);
  });

  it('lifts a trash block only with a later explicit positive act', () => {
    const events: FeedbackEvent[] = [
      { user: 0, item: 0, kind: 'trash', at: 1 },
      { user: 0, item: 0, kind: 'like', at: 2 },
      { user: 0, item: 1, kind: 'like', at: 1 },
      { user: 0, item: 1, kind: 'trash', at: 2 },
      { user: 0, item: 2, kind: 'trash', at: 1 },
      { user: 0, item: 2, kind: 'finish', at: 2 },
    ];
    const { blocked } = netScores(events, 1, 3);
    expect(Array.from(blocked.indices)).toEqual([1, 2]);
  });

  it('decays old events with the half-life, given an injected now', () => {
    const day = 86_400_000;
    const events: FeedbackEvent[] = [
      { user: 0, item: 0, kind: 'like', at: 10 * day },
      { user: 0, item: 1, kind: 'like', at: 0 },
    ];
    const { net } = netScores(events, 1, 2, { halfLifeDays: 10, now: 10 * day });
    expect(cell(net, 0, 0)).toBeCloseTo(3, 5);
    expect(cell(net, 0, 1)).toBeCloseTo(1.5, 5);
    expect(() => netScores([{ user: 0, item: 0, kind: 'like' }], 1, 1, { halfLifeDays: 1, now: 0 })).toThrow(
      /at/,
    );
  });
});
