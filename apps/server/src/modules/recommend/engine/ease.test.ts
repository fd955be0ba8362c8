import { describe, expect, it } from 'vitest';
import { scoreEase, scoreEaseTrainingUser, trainEase } from './ease.ts';
import { spdInverse } from './linalg.ts';
import { confidencesFromScores } from './signals.ts';
import { syntheticDataset } from './synthetic-data.ts';
import { rowOf } from './vectors.ts';

const data = syntheticDataset({ usersPerGroup: 20, itemsPerCluster: 12, hits: 4, itemsPerUser: 8 });
const x = confidencesFromScores(data.plays);

describe('EASE', () => {
  it('matches the textbook closed form B = I - P diag(1/diag P) on a tiny matrix', () => {
    // X: 3 users x 3 items
    const dense = [
      [1, 1, 0],
      [0, 1, 1],
      [1, 1, 1],
    ];
    const lambda = 0.5;
    const n = 3;
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        for (const row of dense) g[i * n + j]! += row[i]! * row[j]!;
      }
      g[i * n + i]! += lambda;
    }
    const p = spdInverse(g, n);
    const history = { items: Int32Array.of(0), values: Float32Array.of(1) };
    const expected = [0, -p[0 * n + 1]! / p[1 * n + 1]!, -p[0 * n + 2]! / p[2 * n + 2]!];
    const triples = dense.flatMap((row, u) => row.flatMap((v, i) => (v ? [[u, i, v] as const] : [])));
    const csr = {
      nRows: 3,
      nCols: 3,
      indptr: Int32Array.of(0, 2, 4, 7),
      indices: Int32Array.from(triples.map((t) => t[1])),
      values: Float32Array.from(triples.map((t) => t[2])),
    };
    for (const model of [trainEase(csr, { lambda }), trainEase(csr, { lambda, maxDualUsers: 0 })]) {
      const out = new Float32Array(3);
      scoreEase(model, history, out);
      out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    }
  });

  it('scores the same in the dual (users x users) and the primal (items x items) form', () => {
    const dual = trainEase(x, { lambda: 3 });
    const primal = trainEase(x, { lambda: 3, maxDualUsers: 0, maxItems: x.nCols });
    expect(dual.kind).toBe('dual');
    expect(primal.kind).toBe('primal');
    const a = new Float32Array(x.nCols);
    const b = new Float32Array(x.nCols);
    const c = new Float32Array(x.nCols);
    for (const user of [0, 7, 25, 39]) {
      scoreEase(dual, rowOf(x, user), a);
      scoreEase(primal, rowOf(x, user), b);
      expect(scoreEaseTrainingUser(dual, user, c)).toBe(true);
      for (let j = 0; j < x.nCols; j++) {
        expect(a[j]).toBeCloseTo(b[j]!, 4);
        expect(c[j]).toBeCloseTo(b[j]!, 4);
      }
    }
  });

  it('keeps only the most-played items in the primal form', () => {
    const primal = trainEase(x, { lambda: 3, maxDualUsers: 0, maxItems: 10 });
    expect(primal.kind === 'primal' && primal.itemIds.length).toBe(10);
    const out = new Float32Array(x.nCols);
    scoreEase(primal, rowOf(x, 0), out);
    const scored = Array.from(out).filter((v) => v !== 0).length;
    expect(scored).toBeLessThanOrEqual(10);
  });

  it('pushes items similar to a disliked one down', () => {
    const model = trainEase(x, { lambda: 3 });
    const liked = { items: Int32Array.of(0, 1), values: Float32Array.of(1, 1) };
    const disliked = { items: Int32Array.of(0, 1, 2), values: Float32Array.of(1, 1, -1.4) };
    const a = new Float32Array(x.nCols);
    const b = new Float32Array(x.nCols);
    scoreEase(model, liked, a);
    scoreEase(model, disliked, b);
    // Items of item 2's cluster (cluster 0: items 0-11) lose score on average.
    let drop = 0;
    for (let j = 3; j < 12; j++) drop += a[j]! - b[j]!;
    expect(drop).toBeGreaterThan(0);
  });
});
