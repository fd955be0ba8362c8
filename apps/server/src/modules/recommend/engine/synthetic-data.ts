/**
 * A small dataset with planted taste structure, for tests and for trying the engine without real
 * data. Two taste groups (A and B), each with two sub-clusters of items (A1, A2, B1, B2); every
 * user belongs to one group and leans towards one of its sub-clusters; a handful of "hits" are
 * played by everyone, so popularity is a fair but beatable baseline. Friends are mostly drawn from
 * the same group, and items carry artist/genre/year features that follow the clusters.
 */
import { createRng } from '../../demo/prng.ts';
import type { ItemFeatures } from './content.ts';
import { buildCsr, type Csr } from './sparse.ts';

export interface SyntheticOptions {
  readonly usersPerGroup: number;
  readonly itemsPerCluster: number;
  readonly hits: number;
  /** Items each user plays from their group. */
  readonly itemsPerUser: number;
  readonly seed: number;
}

export interface SyntheticData {
  /** users x items play counts. */
  readonly plays: Csr;
  /** users x users, symmetric. */
  readonly friends: Csr;
  readonly itemFeatures: ItemFeatures[];
  /** Per user: 0 = group A, 1 = group B. */
  readonly userGroup: Uint8Array;
  /** Per user: the sub-cluster they lean to (0 = A1, 1 = A2, 2 = B1, 3 = B2). */
  readonly userCluster: Uint8Array;
  /** Per item: its cluster (0-3), or 4 for the hits. */
  readonly itemCluster: Uint8Array;
  readonly nUsers: number;
  readonly nItems: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = {
  usersPerGroup: 60,
  itemsPerCluster: 30,
  hits: 10,
  itemsPerUser: 14,
  seed: 7,
};

export function syntheticDataset(options: Partial<SyntheticOptions> = {}): SyntheticData {
  const o = { ...DEFAULT_SYNTHETIC, ...options };
  const rng = createRng(o.seed);
  const nUsers = 2 * o.usersPerGroup;
  const nItems = 4 * o.itemsPerCluster + o.hits;
  const itemCluster = new Uint8Array(nItems);
  for (let i = 0; i < nItems; i++)
    itemCluster[i] = i < 4 * o.itemsPerCluster ? Math.floor(i / o.itemsPerCluster) : 4;
  const userGroup = new Uint8Array(nUsers);
  const userCluster = new Uint8Array(nUsers);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    const group = u < o.usersPerGroup ? 0 : 1;
    const lean = rng.int(0, 1);
    userGroup[u] = group;
    userCluster[u] = 2 * group + lean;
    const chosen = new Set<number>();
    while (chosen.size < o.itemsPerUser) {
      // 80% from the sub-cluster leant to, 20% from the group's other one; popular items first.
      const cluster = 2 * group + (rng.chance(0.8) ? lean : 1 - lean);
      const rank = Math.floor(o.itemsPerCluster * Math.pow(rng.next(), 1.6));
      chosen.add(cluster * o.itemsPerCluster + rank);
    }
    for (let h = 0; h < o.hits; h++) if (rng.chance(0.35)) chosen.add(4 * o.itemsPerCluster + h);
    for (const item of chosen) {
      rows.push(u);
      cols.push(item);
      vals.push(1 + Math.floor(20 * rng.next() * rng.next()));
    }
  }
  const plays = buildCsr(
    { rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float32Array.from(vals) },
    nUsers,
    nItems,
  );
  const fr: number[] = [];
  const fc: number[] = [];
  for (let u = 0; u < nUsers; u++) {
    for (let f = 0; f < 3; f++) {
      const sameGroup = rng.chance(0.85);
      const group = sameGroup ? userGroup[u]! : 1 - userGroup[u]!;
      const v = group * o.usersPerGroup + rng.int(0, o.usersPerGroup - 1);
      if (v === u) continue;
      fr.push(u, v);
      fc.push(v, u);
    }
  }
  // Repeated friendships sum; any positive weight counts as a friend.
  const friends = buildCsr(
    { rows: Int32Array.from(fr), cols: Int32Array.from(fc), values: new Float32Array(fr.length).fill(1) },
    nUsers,
    nUsers,
  );
  const genres = ['post-rock', 'city pop', 'techno', 'guzheng', 'pop'];
  const itemFeatures = Array.from(itemCluster, (cluster, i): ItemFeatures => ({
    artist: `artist ${cluster}-${Math.floor((i % o.itemsPerCluster) / 5)}`,
    genres: [genres[cluster]!],
    year: 1990 + 8 * cluster + (i % 5),
  }));
  return { plays, friends, itemFeatures, userGroup, userCluster, itemCluster, nUsers, nItems };
}
