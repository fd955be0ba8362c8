import { describe, expect, it } from 'vitest';
import { profileOf, scoreProfile, trainModel, type RecModel } from './model.ts';
import { confidencesFromScores } from './signals.ts';
import { syntheticDataset } from './synthetic-data.ts';
import { trainInWorker } from './worker.ts';

const data = syntheticDataset();
const input = {
  interactions: confidencesFromScores(data.plays),
  friends: data.friends,
  itemFeatures: data.itemFeatures,
};
const config = { ease: { lambda: 5 }, ials: { factors: 8, lambda: 2, iterations: 6, seed: 11 } };

const withoutTimes = (m: RecModel) => ({ ...m, trainSeconds: null });

describe('trainInWorker', () => {
  it('trains on a worker thread exactly what trains in-process for a fixed seed', async () => {
    const [remote, local] = [await trainInWorker(input, config), trainModel(input, config)];
    expect(withoutTimes(remote)).toEqual(withoutTimes(local));
    const a = new Float32Array(local.nItems);
    const b = new Float32Array(local.nItems);
    for (const user of [0, 50, 119]) {
      scoreProfile(local, profileOf(local, user), a);
      scoreProfile(remote, profileOf(remote, user), b);
      expect(b).toEqual(a);
    }
  });

  it('reports training errors and honours an abort signal', async () => {
    await expect(trainInWorker({ ...input, itemFeatures: [] }, config)).rejects.toThrow(/itemFeatures/);
    const controller = new AbortController();
    const pending = trainInWorker(input, config, { signal: controller.signal });
    controller.abort(new Error('server shutting down'));
    await expect(pending).rejects.toThrow(/shutting down/);
  });
});
