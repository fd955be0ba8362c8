import { describe, expect, it } from 'vitest';
import { evaluateRanking } from './evaluate.ts';
import {
  applyUpdates,
  foldIn,
  profileOf,
  recommend,
  scoreProfile,
  similarItems,
  trainModel,
  type EngineConfigInput,
  type RecModel,
  type UserProfile,
} from './model.ts';
import { trainPopularity } from './popularity.ts';
import { confidencesFromScores } from './signals.ts';
import { buildCsr, toTriples } from './sparse.ts';
import { splitPerUser } from './split.ts';
import { syntheticDataset } from './synthetic-data.ts';
import type { SparseVector } from './vectors.ts';

/** Small but structured: sized so every test here trains in well under a second. */
const CONFIG: EngineConfigInput = {
  ease: { lambda: 5 },
  ials: { factors: 8, lambda: 2, iterations: 8, cgSteps: 3 },
};

const data = syntheticDataset();
const interactions = confidencesFromScores(data.plays);
const model = trainModel({ interactions, friends: data.friends, itemFeatures: data.itemFeatures }, CONFIG);

/** Position of each item in the user's full ranking (0 = best), history excluded. */
function ranks(m: RecModel, profile: UserProfile): Int32Array {
  const list = recommend(m, profile, m.nItems);
  const rank = new Int32Array(m.nItems).fill(m.nItems);
  list.items.forEach((item, i) => (rank[item] = i));
  return rank;
}

const withEntries = (history: SparseVector, extra: [number, number][]): SparseVector => {
  const map = new Map<number, number>();
  history.items.forEach((item, p) => map.set(item, history.values[p]!));
  for (const [item, value] of extra) map.set(item, value);
  const items = Int32Array.from([...map.keys()].sort((a, b) => a - b));
  return { items, values: Float32Array.from(items, (item) => map.get(item)!) };
};

describe('recommendation model on planted taste groups', () => {
  it('beats popularity clearly on held-out items', () => {
    const split = splitPerUser(data.plays, 1);
    const trained = trainModel(
      {
        interactions: confidencesFromScores(split.train),
        friends: data.friends,
        itemFeatures: data.itemFeatures,
      },
      CONFIG,
    );
    const popularity = trainPopularity(split.train);
    const options = { k: 10, alsoExclude: split.valid };
    const pop = evaluateRanking((_u, out) => out.set(popularity), split.train, split.test, options);
    const ours = evaluateRanking(
      (u, out) => scoreProfile(trained, profileOf(trained, u), out),
      split.train,
      split.test,
      options,
    );
    expect(ours.recall).toBeGreaterThan(pop.recall + 0.1);
    expect(ours.ndcg).toBeGreaterThan(pop.ndcg + 0.05);
    expect(ours.coverage).toBeGreaterThan(2 * pop.coverage);
  });

  it('recommends from the user’s own group and never returns history or excluded items', () => {
    for (const user of [3, 70]) {
      const profile = profileOf(model, user);
      const exclude = [0, 1, 2, 60, 61, 62];
      const { items, scores } = recommend(model, profile, 10, { exclude });
      expect(items.length).toBe(10);
      const history = new Set(profile.history.items);
      for (const item of items) {
        expect(history.has(item)).toBe(false);
        expect(exclude).not.toContain(item);
      }
      for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[i - 1]!);
      // Own group or the hits everyone plays, hardly ever the other group's music.
      const otherGroup = 1 - data.userGroup[user]!;
      const other = Array.from(items).filter((i) => Math.floor(data.itemCluster[i]! / 2) === otherGroup);
      expect(other.length).toBeLessThanOrEqual(1);
    }
  });

  it('folds in negative feedback: a skipped cluster drops in the ranking without retraining', () => {
    // A user who leans to sub-cluster A1 (items of cluster 0): the radio plays five A1 tracks, all binned.
    const user = Array.from(data.userCluster).findIndex((c, u) => c === 0 && data.userGroup[u] === 0);
    const before = profileOf(model, user);
    const clusterOf = (item: number) => data.itemCluster[item]!;
    const top = recommend(model, before, model.nItems).items;
    const binned = Array.from(top)
      .filter((i) => clusterOf(i) === 0)
      .slice(0, 5);
    expect(binned.length).toBe(5);
    const trash = -Math.log1p(3); // signals.ts: trash, net score -3
    const after = foldIn(
      model,
      withEntries(
        before.history,
        binned.map((i) => [i, trash]),
      ),
      user,
    );
    const rankBefore = ranks(model, before);
    const rankAfter = ranks(model, after);
    const rest = Array.from({ length: model.nItems }, (_, i) => i).filter(
      (i) => clusterOf(i) === 0 && rankAfter[i]! < model.nItems && !binned.includes(i),
    );
    expect(rest.length).toBeGreaterThan(5);
    const mean = (r: Int32Array) => rest.reduce((s, i) => s + r[i]!, 0) / rest.length;
    expect(mean(rankAfter)).toBeGreaterThan(mean(rankBefore) + 3);
    const inTop10 = (profile: UserProfile) =>
      Array.from(recommend(model, profile, 10).items).filter((i) => clusterOf(i) === 0).length;
    expect(inTop10(after)).toBeLessThan(inTop10(before));
  });

  it('folds in a brand-new user from a few plays', () => {
    const b1Items = [60, 61, 62, 63].map((i): [number, number] => [i, 1.2]);
    const profile = foldIn(
      model,
      withEntries({ items: new Int32Array(0), values: new Float32Array(0) }, b1Items),
    );
    expect(profile.user).toBeNull();
    const { items } = recommend(model, profile, 10);
    const groupB = Array.from(items).filter((i) => data.itemCluster[i] === 2 || data.itemCluster[i] === 3);
    expect(groupB.length).toBeGreaterThanOrEqual(8);
  });

  it('finds similar items within the same cluster', () => {
    for (const item of [0, 35, 65, 100]) {
      const { items } = similarItems(model, item, 5);
      expect(items).not.toContain(item);
      const same = Array.from(items).filter((i) => data.itemCluster[i] === data.itemCluster[item]).length;
      expect(same).toBeGreaterThanOrEqual(4);
    }
  });

  it('surfaces a new track nobody has played to the listeners its content matches', () => {
    // A B1 listener (cluster 2) and their favourite artist; a new track by that artist (same genre
    // and era) is added to the catalogue, never played by anyone.
    const b1User = Array.from(data.userCluster).indexOf(2);
    const aUser = Array.from(data.userCluster).indexOf(0);
    const counts = new Map<string, number>();
    for (const item of profileOf(model, b1User).history.items) {
      const artist = data.itemFeatures[item]!.artist!;
      counts.set(artist, (counts.get(artist) ?? 0) + 1);
    }
    const favourite = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const template = data.itemFeatures.find((f) => f.artist === favourite)!;
    const nItems = data.nItems + 1;
    const fresh = data.nItems;
    const grown = buildCsr(toTriples(interactions), data.nUsers, nItems);
    const features = [...data.itemFeatures, { ...template }];
    const m = trainModel({ interactions: grown, friends: data.friends, itemFeatures: features }, CONFIG);
    expect(m.popularity[fresh]).toBe(0);
    expect(ranks(m, profileOf(m, b1User))[fresh]!).toBeLessThan(20);
    const scoreFor = (user: number) => {
      const out = new Float32Array(nItems);
      scoreProfile(m, profileOf(m, user), out);
      return out[fresh]!;
    };
    expect(scoreFor(b1User)).toBeGreaterThan(scoreFor(aUser) + 1);
    expect(
      Array.from(similarItems(m, fresh, 5).items).every((i) => data.itemFeatures[i]!.artist === favourite),
    ).toBe(true);
  });

  it('applies a day of events incrementally', () => {
    const user = 5;
    const old = profileOf(model, user);
    const newHistory = withEntries(old.history, [
      [100, 2],
      [101, 2],
    ]);
    const updated = applyUpdates(model, new Map([[user, newHistory]]));
    const profile = profileOf(updated, user);
    expect(Array.from(profile.history.items)).toEqual(Array.from(newHistory.items));
    expect(profile.easeRow).toBeNull();
    expect(profile.vector).not.toEqual(old.vector);
    // The stored profile scores exactly like a fold-in of the same history.
    const a = new Float32Array(updated.nItems);
    const b = new Float32Array(updated.nItems);
    scoreProfile(updated, profile, a);
    scoreProfile(updated, foldIn(updated, newHistory, user), b);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
    // Other users are untouched, and the old model is unchanged.
    expect(profileOf(updated, 6).history).toEqual(profileOf(model, 6).history);
    expect(profileOf(model, user).history).toEqual(old.history);
  });
});
