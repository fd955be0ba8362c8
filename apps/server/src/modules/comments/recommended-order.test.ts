import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshSlots, interleave } from './recommended-order.ts';

const hot = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`);
const fresh = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);

describe('recommended interleave', () => {
  it('gives every 4th slot to a fresh comment', () => {
    const page = interleave(hot(20), fresh(20), 12);
    expect(page.items).toEqual(['h0', 'h1', 'h2', 'f0', 'h3', 'h4', 'h5', 'f1', 'h6', 'h7', 'h8', 'f2']);
    expect(page).toMatchObject({ hotUsed: 9, freshUsed: 3 });
    expect(freshSlots(12)).toBe(3);
  });

  it('fills from the other stream when one runs dry', () => {
    expect(interleave(hot(2), fresh(10), 6).items).toEqual(['h0', 'h1', 'f0', 'f1', 'f2', 'f3']);
    expect(interleave(hot(10), fresh(0), 5).items).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
    expect(interleave([], [], 5)).toEqual({ items: [], hotUsed: 0, freshUsed: 0 });
  });

  it('keeps each stream in order, loses nothing and never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.integer({ min: 1, max: 50 }), (nh, nf, limit) => {
        const page = interleave(hot(nh), fresh(nf), limit);
        expect(page.items.length).toBe(Math.min(limit, nh + nf));
        expect(page.items.filter((x) => x.startsWith('h'))).toEqual(hot(page.hotUsed));
        expect(page.items.filter((x) => x.startsWith('f'))).toEqual(fresh(page.freshUsed));
        // A fresh comment never takes a hot slot while hot comments remain.
        page.items.forEach((item, i) => {
          if (item.startsWith('f') && (i + 1) % 4 !== 0) expect(page.hotUsed).toBe(nh);
        });
      }),
    );
  });
});
