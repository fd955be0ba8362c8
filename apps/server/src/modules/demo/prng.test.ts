import { describe, expect, it } from 'vitest';
import { createRng, hashString, mulberry32 } from './prng.ts';

const take = (next: () => number, count: number) => Array.from({ length: count }, next);

describe('prng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(take(mulberry32(42), 20)).toEqual(take(mulberry32(42), 20));
  });

  it('gives different sequences for different seeds', () => {
    expect(take(mulberry32(1), 5)).not.toEqual(take(mulberry32(2), 5));
  });

  it('stays in [0, 1) and spreads values around', () => {
    const values = take(mulberry32(7), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
  });

  it('forks independent, reproducible streams by label', () => {
    const a = createRng(99);
    const b = createRng(99);
    b.next(); // drawing from the parent must not change a fork
    expect(take(a.fork('melody').next, 5)).toEqual(take(b.fork('melody').next, 5));
    expect(take(a.fork('melody').next, 5)).not.toEqual(take(a.fork('drums').next, 5));
  });

  it('keeps int, pick and shuffle within their inputs', () => {
    const rng = createRng(5);
    for (let i = 0; i < 200; i++) {
      const n = rng.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      expect(Number.isInteger(n)).toBe(true);
    }
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.pick([])).toThrow();
  });

  it('hashes labels stably', () => {
    expect(hashString('夜雨')).toBe(hashString('夜雨'));
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});
