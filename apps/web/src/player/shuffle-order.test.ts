import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToShuffle,
  advanceShuffle,
  currentOfShuffle,
  ensureUpcoming,
  jumpInShuffle,
  removeFromShuffle,
  retreatShuffle,
  startShuffle,
  upcomingOfShuffle,
  type ShuffleState,
} from './shuffle-order.ts';
import { seededRandom } from './testing/fake-audio-backend.ts';

function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `e${i}`);
}

/** Plays `steps` tracks after the current one, returning them in play order. */
function playOn(state: ShuffleState, pool: string[], steps: number, random: () => number) {
  const played: string[] = [];
  for (let i = 0; i < steps; i++) {
    state = ensureUpcoming(state, pool, random);
    const next = upcomingOfShuffle(state);
    if (next === null) break;
    state = advanceShuffle(state);
    played.push(next);
  }
  return { state, played };
}

describe('shuffle order', () => {
  it('starts with the current track and plays every other track once before any repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        const pool = ids(n);
        const start = startShuffle(pool, 'e0', random);
        expect(currentOfShuffle(start)).toBe('e0');
        const { played } = playOn(start, pool, n - 1, random);
        expect(new Set(['e0', ...played]).size).toBe(n);
      }),
    );
  });

  it('draws a new cycle that covers everything and never repeats the last track back to back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer(),
        fc.integer({ min: 1, max: 3 }),
        (n, seed, cycles) => {
          const random = seededRandom(seed);
          const pool = ids(n);
          const { played } = playOn(startShuffle(pool, 'e0', random), pool, n - 1 + cycles * n, random);
          const all = ['e0', ...played];
          for (let i = 1; i < all.length; i++) expect(all[i]).not.toBe(all[i - 1]);
          for (let c = 0; c <= cycles; c++) {
            const cycle = all.slice(c * n, (c + 1) * n);
            expect(new Set(cycle).size).toBe(n);
          }
        },
      ),
    );
  });

  it('peeking is stable: the track preloaded is the track played', () => {
    const random = seededRandom(7);
    const pool = ids(3);
    let state = playOn(startShuffle(pool, 'e0', random), pool, 2, random).state;
    state = ensureUpcoming(state, pool, random);
    const peeked = upcomingOfShuffle(state);
    expect(ensureUpcoming(state, pool, random)).toBe(state);
    expect(currentOfShuffle(advanceShuffle(state))).toBe(peeked);
  });

  it('goes back through what already played, then stops at the start', () => {
    const random = seededRandom(1);
    const pool = ids(5);
    const { state, played } = playOn(startShuffle(pool, 'e0', random), pool, 2, random);
    const back = retreatShuffle(state);
    expect(back && currentOfShuffle(back)).toBe(played[0]);
    const start = back && retreatShuffle(back);
    expect(start && currentOfShuffle(start)).toBe('e0');
    expect(start && retreatShuffle(start)).toBeNull();
  });

  it('plays "play next" entries right away and scatters added entries among the unplayed', () => {
    const random = seededRandom(3);
    const pool = ids(4);
    let state = startShuffle(pool, 'e0', random);
    state = addToShuffle(state, ['n1', 'n2'], 'next', random);
    expect(state.order.slice(1, 3)).toEqual(['n1', 'n2']);
    state = addToShuffle(state, ['later'], 'later', random);
    expect(state.order.indexOf('later')).toBeGreaterThan(state.pos);
  });

  it('counts a picked track as played and continues with the unplayed ones', () => {
    const random = seededRandom(9);
    const pool = ids(6);
    let state = startShuffle(pool, 'e0', random);
    const picked = state.order[4] as string;
    state = jumpInShuffle(state, picked);
    expect(currentOfShuffle(state)).toBe(picked);
    const { played } = playOn(state, pool, 4, random);
    expect(new Set(['e0', picked, ...played]).size).toBe(6);
  });

  it('continues with the following entry when the current one is removed', () => {
    const random = seededRandom(5);
    const pool = ids(4);
    const state = startShuffle(pool, 'e0', random);
    const following = upcomingOfShuffle(state);
    const removed = removeFromShuffle(state, 'e0');
    expect(upcomingOfShuffle(removed)).toBe(following);
  });
});
