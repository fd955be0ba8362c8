/**
 * Pairwise similarity of two items, for the questions the engine's whole-catalogue scoring does
 * not answer directly: which of my tracks is this recommendation closest to (its reason), and how
 * close is a candidate to something I just binned (the FM's immediate penalty).
 *
 *   similarity(a, b) = max(cosine of the iALS item factors, cosine of the content vectors)
 *
 * The factors know what is listened to together; the content vectors know artist, album, genre,
 * tags and era, and are all there is for a track nobody has played. Taking the larger means
 * either kind of likeness counts ("same artist" is similar even if the two never co-occur).
 */
import { rowNorms } from './engine/factor-scorer.ts';
import type { RecModel } from './engine/model.ts';

export class ItemSimilarity {
  private unitFactors: Float32Array | null = null;

  constructor(private readonly model: RecModel) {}

  /** Item factors scaled to unit length (computed once per model, on first use). */
  private units(): Float32Array | null {
    const ials = this.model.ials;
    if (!ials) return null;
    if (!this.unitFactors) {
      const k = ials.factors;
      const y = ials.itemFactors;
      // The lengths are the ones "similar tracks" divides by (computed once per model).
      const norms = rowNorms(y, k);
      const unit = new Float32Array(y.length);
      for (let item = 0; item < ials.nItems; item++) {
        const inv = norms[item]! > 0 ? 1 / norms[item]! : 0;
        for (let a = 0; a < k; a++) unit[item * k + a] = y[item * k + a]! * inv;
      }
      this.unitFactors = unit;
    }
    return this.unitFactors;
  }

  /** Cosine of the factors; 0 when either item was never played in training. */
  collaborative(a: number, b: number): number {
    const unit = this.units();
    if (!unit || !(this.model.popularity[a]! > 0) || !(this.model.popularity[b]! > 0)) return 0;
    const k = this.model.ials!.factors;
    let dot = 0;
    for (let f = 0; f < k; f++) dot += unit[a * k + f]! * unit[b * k + f]!;
    return dot;
  }

  /** Cosine of the (L2-normalised) content vectors. */
  content(a: number, b: number): number {
    const content = this.model.content;
    if (!content) return 0;
    const { indptr, indices, values } = content.byItem;
    let p = indptr[a]!;
    let q = indptr[b]!;
    const pEnd = indptr[a + 1]!;
    const qEnd = indptr[b + 1]!;
    let dot = 0;
    while (p < pEnd && q < qEnd) {
      const fa = indices[p]!;
      const fb = indices[q]!;
      if (fa === fb) dot += values[p++]! * values[q++]!;
      else if (fa < fb) p++;
      else q++;
    }
    return dot;
  }

  similarity(a: number, b: number): number {
    return Math.max(this.collaborative(a, b), this.content(a, b));
  }

  /**
   * Unit-length mean factor vector per group of items (e.g. an artist's tracks), weighted by
   * listeners so an artist is what their played tracks are; null for a group with no played
   * item. Used to compare artists.
   */
  groupVector(items: ArrayLike<number>): Float32Array | null {
    const ials = this.model.ials;
    if (!ials) return null;
    const k = ials.factors;
    const sum = new Float32Array(k);
    let weight = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const w = Math.log1p(this.model.popularity[item]!);
      if (!(w > 0)) continue;
      weight += w;
      for (let a = 0; a < k; a++) sum[a]! += w * ials.itemFactors[item * k + a]!;
    }
    if (weight === 0) return null;
    let norm = 0;
    for (let a = 0; a < k; a++) norm += sum[a]! ** 2;
    if (!(norm > 0)) return null;
    const inv = 1 / Math.sqrt(norm);
    for (let a = 0; a < k; a++) sum[a]! *= inv;
    return sum;
  }
}
