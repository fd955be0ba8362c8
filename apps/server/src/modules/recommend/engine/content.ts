/**
 * Content similarity, the fallback for tracks nobody has played yet: each item becomes a sparse
 * TF-IDF vector over artist, album, genre, tag and release-year tokens, L2-normalised, so the
 * similarity of two items is the cosine of their vectors. A user's content score for an item is the
 * cosine-weighted sum over their history, i.e. the dot product with their summed profile.
 */
import { buildCsr, transpose, type Csr } from './sparse.ts';
import type { SparseVector } from './vectors.ts';

export interface ItemFeatures {
  readonly artist?: string;
  readonly album?: string;
  readonly genres?: readonly string[];
  /** Tag names, or tag → weight (e.g. how many listeners applied it). */
  readonly tags?: readonly string[] | Readonly<Record<string, number>>;
  /** Release year. */
  readonly year?: number;
}

/**
 * Relative weight of each kind of token before IDF. The same artist is the strongest content
 * evidence (fans of an artist play their new release); genre and tags describe the sound; the
 * release era matters least and is split over two bucket sizes so 1998 and 2001 still overlap.
 */
export const FEATURE_WEIGHTS = { artist: 1, album: 0.5, genre: 0.6, tag: 0.6, year: 0.25 } as const;

export interface ContentModel {
  readonly nItems: number;
  /** items x features, rows L2-normalised (empty rows for items without features). */
  readonly byItem: Csr;
  /** features x items. */
  readonly byFeature: Csr;
}

const norm = (text: string) => text.trim().toLowerCase();

function tokensOf(f: ItemFeatures, emit: (token: string, weight: number) => void): void {
  if (f.artist) emit(`a:${norm(f.artist)}`, FEATURE_WEIGHTS.artist);
  if (f.album) emit(`b:${norm(f.artist ?? '')}/${norm(f.album)}`, FEATURE_WEIGHTS.album);
  for (const g of f.genres ?? []) if (g.trim()) emit(`g:${norm(g)}`, FEATURE_WEIGHTS.genre);
  if (Array.isArray(f.tags)) {
    for (const t of f.tags as readonly string[]) if (t.trim()) emit(`t:${norm(t)}`, FEATURE_WEIGHTS.tag);
  } else if (f.tags) {
    const tags = f.tags as Readonly<Record<string, number>>;
    let max = 0;
    for (const w of Object.values(tags)) max = Math.max(max, w);
    for (const [t, w] of Object.entries(tags)) {
      // Sub-linear in the count: one tag applied by 50 listeners is not 50 times one applied once.
      if (t.trim() && w > 0) emit(`t:${norm(t)}`, (FEATURE_WEIGHTS.tag * Math.log1p(w)) / Math.log1p(max));
    }
  }
  if (f.year !== undefined && Number.isFinite(f.year)) {
    const year = Math.floor(f.year);
    emit(`y10:${Math.floor(year / 10)}`, FEATURE_WEIGHTS.year);
    emit(`y3:${Math.floor(year / 3)}`, FEATURE_WEIGHTS.year);
  }
}

export function buildContentModel(features: readonly (ItemFeatures | undefined)[]): ContentModel {
  const nItems = features.length;
  const vocabulary = new Map<string, number>();
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  features.forEach((f, item) => {
    if (!f) return;
    tokensOf(f, (token, weight) => {
      let id = vocabulary.get(token);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(token, id);
      }
      rows.push(item);
      cols.push(id);
      vals.push(weight);
    });
  });
  const raw = buildCsr(
    { rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float32Array.from(vals) },
    nItems,
    vocabulary.size,
  );
  // IDF: a token on every item says nothing; log(N / df) with N the items that have features.
  const df = new Float64Array(vocabulary.size);
  for (let i = 0; i < raw.indices.length; i++) df[raw.indices[i]!]! += 1;
  let described = 0;
  for (let r = 0; r < nItems; r++) if (raw.indptr[r + 1]! > raw.indptr[r]!) described++;
  const values = new Float32Array(raw.values.length);
  for (let r = 0; r < nItems; r++) {
    let sq = 0;
    for (let p = raw.indptr[r]!; p < raw.indptr[r + 1]!; p++) {
      const v = raw.values[p]! * Math.log((1 + described) / df[raw.indices[p]!]!);
      values[p] = v;
      sq += v * v;
    }
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let p = raw.indptr[r]!; p < raw.indptr[r + 1]!; p++) values[p]! *= inv;
  }
  const byItem: Csr = { ...raw, values };
  return { nItems, byItem, byFeature: transpose(byItem) };
}

/** out_j = Σ_i h_i cos(i, j) for every item (the history items themselves included). */
export function scoreContent(model: ContentModel, history: SparseVector, out: Float32Array): void {
  out.fill(0);
  const { byItem, byFeature } = model;
  const profile = new Float64Array(byItem.nCols);
  for (let p = 0; p < history.items.length; p++) {
    const i = history.items[p]!;
    const h = history.values[p]!;
    for (let q = byItem.indptr[i]!; q < byItem.indptr[i + 1]!; q++)
      profile[byItem.indices[q]!]! += h * byItem.values[q]!;
  }
  for (let f = 0; f < profile.length; f++) {
    const w = profile[f]!;
    if (w === 0) continue;
    for (let q = byFeature.indptr[f]!; q < byFeature.indptr[f + 1]!; q++) {
      out[byFeature.indices[q]!]! += w * byFeature.values[q]!;
    }
  }
}
