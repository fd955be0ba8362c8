import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRESHNESS_HORIZON_DAYS, hotScore } from './hot-score.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

const count = fc.integer({ min: 0, max: 1_000_000 });
const age = fc.integer({ min: 0, max: 10 * YEAR });

describe('hot score', () => {
  it('rises with every like', () => {
    fc.assert(
      fc.property(count, count, age, (likes, replies, ageMs) => {
        expect(hotScore({ likes: likes + 1, replies, ageMs })).toBeGreaterThan(
          hotScore({ likes, replies, ageMs }),
        );
      }),
    );
  });

  it('rises with every reply, more than with a like', () => {
    fc.assert(
      fc.property(count, count, age, (likes, replies, ageMs) => {
        const base = hotScore({ likes, replies, ageMs });
        const liked = hotScore({ likes: likes + 1, replies, ageMs });
        const replied = hotScore({ likes, replies: replies + 1, ageMs });
        expect(replied).toBeGreaterThan(liked);
        expect(liked).toBeGreaterThan(base);
      }),
    );
  });

  it('never rises with age', () => {
    fc.assert(
      fc.property(count, count, age, age, (likes, replies, a, b) => {
        const [younger, older] = a <= b ? [a, b] : [b, a];
        expect(hotScore({ likes, replies, ageMs: older })).toBeLessThanOrEqual(
          hotScore({ likes, replies, ageMs: younger }),
        );
      }),
    );
  });

  it('ranks a younger comment with at least as many likes and replies at least as high', () => {
    fc.assert(
      fc.property(count, count, count, count, age, age, (l1, l2, r1, r2, a, b) => {
        const [younger, older] = a <= b ? [a, b] : [b, a];
        const more = { likes: Math.max(l1, l2), replies: Math.max(r1, r2) };
        const fewer = { likes: Math.min(l1, l2), replies: Math.min(r1, r2) };
        expect(hotScore({ ...more, ageMs: younger })).toBeGreaterThanOrEqual(
          hotScore({ ...fewer, ageMs: older }),
        );
      }),
    );
  });

  it('lets a new comment with many likes rise above an old one with few', () => {
    expect(hotScore({ likes: 200, replies: 5, ageMs: 2 * HOUR })).toBeGreaterThan(
      hotScore({ likes: 40, replies: 2, ageMs: YEAR }),
    );
    // …and for its first hours even above a classic.
    expect(hotScore({ likes: 200, replies: 10, ageMs: HOUR })).toBeGreaterThan(
      hotScore({ likes: 5_000, replies: 100, ageMs: 3 * YEAR }),
    );
  });

  it('keeps an all-time classic above fresh, mediocre comments', () => {
    const classic = hotScore({ likes: 5_000, replies: 100, ageMs: 5 * YEAR });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 30 * DAY }),
        (likes, replies, ageMs) => {
          expect(hotScore({ likes, replies, ageMs })).toBeLessThan(classic);
        },
      ),
    );
  });

  it('lets a great new comment lose its head start unless it keeps earning likes', () => {
    const classic = hotScore({ likes: 5_000, replies: 0, ageMs: 3 * YEAR });
    expect(hotScore({ likes: 300, replies: 0, ageMs: HOUR })).toBeGreaterThan(classic);
    expect(hotScore({ likes: 300, replies: 0, ageMs: 7 * DAY })).toBeLessThan(classic);
  });

  it('settles at the floor past the freshness horizon, so old scores need no refresh', () => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 0, max: 5 * YEAR }), (likes, replies, extra) => {
        const atHorizon = hotScore({ likes, replies, ageMs: FRESHNESS_HORIZON_DAYS * DAY });
        const later = hotScore({ likes, replies, ageMs: FRESHNESS_HORIZON_DAYS * DAY + extra });
        expect((atHorizon - later) / later).toBeLessThan(1e-4);
      }),
    );
  });

  it('treats a comment from the future (clock skew) as brand new', () => {
    expect(hotScore({ likes: 3, replies: 0, ageMs: -HOUR })).toBe(
      hotScore({ likes: 3, replies: 0, ageMs: 0 }),
    );
  });
});
