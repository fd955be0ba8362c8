import { describe, expect, it } from 'vitest';
import { scoreItemKnn, trainItemKnn } from './item-knn.ts';
import { trainPopularity } from './popularity.ts';
import { buildCsr, triplesFrom } from './sparse.ts';

// 4 users x 4 items: items 0 and 1 always together, item 2 with 1 once, item 3 alone.
const x = buildCsr(
  triplesFrom([
    [0, 0, 1],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 1],
    [2, 1, 1],
    [2, 2, 1],
    [3, 3, 1],
  ]),
  4,
  4,
);

describe('baselines', () => {
  it('popularity counts listeners per item', () => {
    expect(Array.from(trainPopularity(x))).toEqual([2, 3, 1, 1]);
  });

  it('item-kNN scores by cosine similarity to the history', () => {
    const model = trainItemKnn(x, { k: 10, shrink: 0 });
    const out = new Float32Array(4);
    scoreItemKnn(model, { items: Int32Array.of(0), values: Float32Array.of(1) }, out);
    // cos(0, 1) = 2 / (√2 · √3); items 2 and 3 share no listener with 0.
    expect(out[1]).toBeCloseTo(2 / Math.sqrt(6), 6);
    expect(out[2]).toBe(0);
    expect(out[3]).toBe(0);
    expect(out[0]).toBe(0); // an item is not its own neighbour
  });

  it('item-kNN keeps k neighbours per item and shrinks weak similarities', () => {
    const one = trainItemKnn(x, { k: 1, shrink: 0 });
    const all = trainItemKnn(x, { k: 10, shrink: 0 });
    const out = new Float32Array(4);
    const fromItem2 = { items: Int32Array.of(2), values: Float32Array.of(1) };
    // Item 1's neighbours are 0 (cos 0.816) and 2 (cos 0.577); with k = 1 it keeps only 0.
    scoreItemKnn(all, fromItem2, out);
    expect(out[1]).toBeCloseTo(1 / Math.sqrt(3), 6);
    scoreItemKnn(one, fromItem2, out);
    expect(out[1]).toBe(0);
    const shrunk = trainItemKnn(x, { k: 10, shrink: 10 });
    scoreItemKnn(shrunk, { items: Int32Array.of(0), values: Float32Array.of(1) }, out);
    expect(out[1]).toBeCloseTo(2 / (Math.sqrt(6) + 10), 6);
  });
});
