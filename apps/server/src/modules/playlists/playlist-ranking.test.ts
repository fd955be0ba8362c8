import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityIncrements } from './playlist-activity.ts';
import {
  HOT_EPOCH_MS,
  HOT_TAU_MS,
  decayedActivity,
  hotExponent,
  hotScoreAfter,
  hotScoreWithout,
  initialHotScore,
  logAddExp,
  logSubExp,
  logSumExp,
  qualityScore,
} from './playlist-ranking.ts';

const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(HOT_EPOCH_MS + ms);

describe('hot score', () => {
  it('is ln Σ exp((t - epoch) / τ): one play at the epoch weighs 1, one τ later e', () => {
    const base = initialHotScore(at(0));
    expect(hotExponent(at(0))).toBe(0);
    expect(hotExponent(at(HOT_TAU_MS))).toBeCloseTo(1, 12);
    expect(Math.exp(hotScoreAfter(base, [at(0)]))).toBeCloseTo(1 + Math.exp(-50), 12);
    expect(Math.exp(hotScoreAfter(base, [at(0), at(HOT_TAU_MS)]))).toBeCloseTo(1 + Math.E, 12);
  });

  it('halves the weight of a play in τ·ln 2 (about two days)', () => {
    const now = at(30 * DAY);
    const fresh = decayedActivity([now], now);
    const older = decayedActivity([new Date(now.getTime() - HOT_TAU_MS * Math.LN2)], now);
    // Dates hold whole milliseconds, so τ·ln 2 is rounded.
    expect(older / fresh).toBeCloseTo(0.5, 8);
  });

  it('adds in log space without overflow, years after the epoch', () => {
    const farFuture = at(20 * 365 * DAY);
    const score = hotScoreAfter(initialHotScore(at(0)), [farFuture, farFuture]);
    expect(Number.isFinite(score)).toBe(true);
    expect(score).toBeCloseTo(hotExponent(farFuture) + Math.LN2, 9);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, 1000])).toBeCloseTo(1000, 12);
  });

  it('orders playlists exactly as their decayed activity at any later moment', () => {
    const events = fc.array(fc.integer({ min: 0, max: 120 * DAY }), { maxLength: 12 });
    fc.assert(
      fc.property(events, events, fc.integer({ min: 0, max: 60 * DAY }), (a, b, wait) => {
        const created = at(0);
        const timesA = a.map(at);
        const timesB = b.map(at);
        const now = at(Math.max(0, ...a, ...b) + wait);
        const scoreA = hotScoreAfter(initialHotScore(created), timesA);
        const scoreB = hotScoreAfter(initialHotScore(created), timesB);
        const activityA = decayedActivity(timesA, now);
        const activityB = decayedActivity(timesB, now);
        // Ties and near-ties are decided by id in SQL; only a clear difference must agree.
        if (Math.abs(activityA - activityB) > 1e-9 * Math.max(activityA, activityB, 1e-300)) {
          expect(Math.sign(scoreA - scoreB)).toBe(Math.sign(activityA - activityB));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('ranks a list with no activity yet below any list with a play, and newer empty lists first', () => {
    const older = initialHotScore(at(DAY));
    const newer = initialHotScore(at(2 * DAY));
    expect(newer).toBeGreaterThan(older);
    // One play 150 days before the newer list was made still beats its seed.
    expect(hotScoreAfter(initialHotScore(at(0)), [at(0)])).toBeGreaterThan(initialHotScore(at(150 * DAY)));
  });

  it('applies a batch as one increment equal to applying the events one by one', () => {
    const times = [at(DAY), at(2 * DAY), at(2 * DAY), at(9 * DAY)];
    const oneByOne = times.reduce((score, t) => hotScoreAfter(score, [t]), initialHotScore(at(0)));
    expect(hotScoreAfter(initialHotScore(at(0)), times)).toBeCloseTo(oneByOne, 10);
  });
});

describe('taking a subscription back', () => {
  it('restores the score from before it, whatever came in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 * DAY }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 60 * DAY }),
        (plays, subscribedAt) => {
          const before = hotScoreAfter(initialHotScore(at(0)), plays.map(at));
          const withIt = hotScoreAfter(before, [at(subscribedAt)]);
          // Subtracting a weight that dwarfs the rest loses digits in proportion to how much it
          // dwarfs it; still far below any difference that could reorder the square.
          const tolerance = 1e-14 * Math.exp(withIt - before) + 1e-12;
          expect(Math.abs(hotScoreWithout(withIt, at(subscribedAt), at(0)) - before)).toBeLessThan(tolerance);
        },
      ),
    );
  });

  it('never goes below the seed of the list', () => {
    const seed = initialHotScore(at(0));
    expect(hotScoreWithout(seed, at(DAY), at(0))).toBe(seed);
    expect(logSubExp(1, 1)).toBe(-Infinity);
    expect(logSubExp(Math.log(3), 0)).toBeCloseTo(Math.log(2), 12);
  });
});

describe('activity increments', () => {
  const A = '00000000-0000-4000-8000-00000000000a';
  const B = '00000000-0000-4000-8000-00000000000b';

  it('groups events per playlist, counting plays only when they are plays', () => {
    const events = [
      { playlistId: A, at: at(DAY) },
      { playlistId: B, at: at(DAY) },
      { playlistId: A.toUpperCase(), at: at(2 * DAY) },
    ];
    const increments = activityIncrements(events, true);
    expect(increments).toHaveLength(2);
    const forA = increments.find((i) => i.playlistId === A)!;
    expect(forA.plays).toBe(2);
    expect(forA.logWeight).toBeCloseTo(logSumExp([hotExponent(at(DAY)), hotExponent(at(2 * DAY))]), 12);
    expect(activityIncrements(events, false).every((i) => i.plays === 0)).toBe(true);
  });

  it('drops events that name no playlist instead of failing the batch', () => {
    expect(
      activityIncrements(
        [
          { playlistId: 'not-a-uuid', at: at(0) },
          { playlistId: A, at: new Date(Number.NaN) },
        ],
        true,
      ),
    ).toEqual([]);
  });
});

describe('quality score', () => {
  const created = at(0);

  it('is subscribers per day of age, with a week of grace', () => {
    expect(qualityScore(70, created, created)).toBeCloseTo(10, 12);
    expect(qualityScore(70, created, at(7 * DAY))).toBeCloseTo(5, 12);
    expect(qualityScore(0, created, at(3 * DAY))).toBe(0);
  });

  it('prefers a young list to an old one with the same subscribers, and counts a clock behind as age 0', () => {
    expect(qualityScore(100, at(30 * DAY), at(31 * DAY))).toBeGreaterThan(
      qualityScore(100, created, at(31 * DAY)),
    );
    expect(qualityScore(70, at(DAY), created)).toBeCloseTo(10, 12);
  });

  it('grows with subscribers and shrinks with age', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 365 }),
        (subscribers, more, ageDays, older) => {
          const now = at(ageDays * DAY);
          expect(qualityScore(subscribers + more, created, now)).toBeGreaterThan(
            qualityScore(subscribers, created, now),
          );
          if (subscribers > 0) {
            expect(qualityScore(subscribers, created, at((ageDays + older) * DAY))).toBeLessThan(
              qualityScore(subscribers, created, now),
            );
          }
        },
      ),
    );
  });
});
