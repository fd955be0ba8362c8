import { describe, expect, it } from 'vitest';
import {
  foldIn,
  profileOf,
  recommend,
  scoreProfile,
  similarItems,
  trainModel,
  type RecModel,
} from './model.ts';
import { loadModel, serializeModel } from './serialize.ts';
import { confidencesFromScores } from './signals.ts';
import { syntheticDataset } from './synthetic-data.ts';

const data = syntheticDataset({ usersPerGroup: 25 });
const input = {
  interactions: confidencesFromScores(data.plays),
  friends: data.friends,
  itemFeatures: data.itemFeatures,
};
const config = { ease: { lambda: 5 }, ials: { factors: 8, lambda: 2, iterations: 5 } };

function allScores(model: RecModel): Float32Array[] {
  return Array.from({ length: model.nUsers }, (_, u) => {
    const out = new Float32Array(model.nItems);
    scoreProfile(model, profileOf(model, u), out);
    return out;
  });
}

describe('model serialisation', () => {
  it('round-trips to identical scores, fold-ins and similar items', () => {
    const model = trainModel(input, config);
    const bytes = serializeModel(model);
    const loaded = loadModel(bytes);
    expect(loaded).toEqual(model);
    expect(allScores(loaded)).toEqual(allScores(model));
    const history = { items: Int32Array.of(3, 4, 70), values: Float32Array.of(1.2, 1, -1) };
    expect(recommend(loaded, foldIn(loaded, history), 10)).toEqual(
      recommend(model, foldIn(model, history), 10),
    );
    expect(similarItems(loaded, 5, 10)).toEqual(similarItems(model, 5, 10));
    // Loading copies: the bytes can be reused without touching the model.
    bytes.fill(0);
    expect(allScores(loaded)).toEqual(allScores(model));
  });

  it('round-trips the primal EASE form and models without optional parts', () => {
    const model = trainModel(
      { interactions: input.interactions },
      { ...config, ease: { lambda: 5, maxDualUsers: 0, maxItems: 40 }, ials: false },
    );
    expect(model.ease?.kind).toBe('primal');
    const loaded = loadModel(serializeModel(model));
    expect(loaded).toEqual(model);
    expect(allScores(loaded)).toEqual(allScores(model));
  });

  it('rejects bytes that are not a model', () => {
    expect(() => loadModel(Buffer.from('definitely not a model'))).toThrow(/not a Resonance/);
    const bytes = serializeModel(
      trainModel({ interactions: input.interactions }, { ...config, ials: false }),
    );
    expect(() => loadModel(bytes.subarray(0, bytes.length - 100))).toThrow(/truncated/);
  });
});
