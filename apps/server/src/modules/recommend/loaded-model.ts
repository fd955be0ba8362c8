/**
 * A trained model in memory with what serving needs around it: the catalogue it was trained on,
 * pairwise similarity, scoring buffers, and artist vectors (built on first use).
 */
import type { RecommendModelKind } from '../../db/tables/recommend.ts';
import { ScoringScratch, type RecModel } from './engine/model.ts';
import { loadModel, serializeModel } from './engine/serialize.ts';
import { Catalog, decodeBundle, encodeBundle, type CatalogSnapshot } from './catalog-snapshot.ts';
import { ItemSimilarity } from './item-similarity.ts';

export class LoadedModel {
  readonly catalog: Catalog;
  readonly similarity: ItemSimilarity;
  /**
   * Shared scoring buffers. Safe because every use is synchronous (scoring never awaits), so two
   * requests cannot interleave inside one.
   */
  readonly scratch: ScoringScratch;
  private artistVectorCache: (Float32Array | null)[] | null = null;
  private popularityShareCache: Float32Array | null = null;
  private noveltyCache: Float32Array | null = null;

  constructor(
    readonly id: number,
    readonly kind: RecommendModelKind,
    readonly trainedAt: Date,
    readonly model: RecModel,
    snapshot: CatalogSnapshot,
  ) {
    if (snapshot.trackIds.length !== model.nItems) {
      throw new Error(`catalogue of ${snapshot.trackIds.length} tracks for a model of ${model.nItems} items`);
    }
    this.catalog = new Catalog(snapshot);
    this.similarity = new ItemSimilarity(model);
    this.scratch = new ScoringScratch(model.nItems);
  }

  /** ln(1 + listeners) per item, relative to the most played item (0..1). */
  popularityShare(): Float32Array {
    if (!this.popularityShareCache) {
      const popularity = this.model.popularity;
      let max = 0;
      for (const p of popularity) if (p > max) max = p;
      const scale = max > 0 ? 1 / Math.log1p(max) : 0;
      this.popularityShareCache = Float32Array.from(popularity, (p) => Math.log1p(p) * scale);
    }
    return this.popularityShareCache;
  }

  /** 1 / (1 + ln(1 + listeners)) per item: how much of a discovery an item still is. */
  novelty(): Float32Array {
    this.noveltyCache ??= Float32Array.from(this.model.popularity, (p) => 1 / (1 + Math.log1p(p)));
    return this.noveltyCache;
  }

  /** One unit vector per artist of the catalogue (null: no played track). */
  artistVectors(): (Float32Array | null)[] {
    this.artistVectorCache ??= this.catalog.snapshot.artistIds.map((artistId) =>
      this.similarity.groupVector(this.catalog.itemsBy(artistId)),
    );
    return this.artistVectorCache;
  }
}

/**
 * The model without its training matrix: the server folds every user in from the database on
 * each request, so only the item side is used, and the matrix is the largest part of the model
 * (hundreds of MB for 50 million events). Kept in memory and stored this way.
 */
export function itemSideOnly(model: RecModel): RecModel {
  const x = model.interactions;
  return {
    ...model,
    interactions: {
      nRows: x.nRows,
      nCols: x.nCols,
      indptr: new Int32Array(x.nRows + 1),
      indices: new Int32Array(0),
      values: new Float32Array(0),
    },
  };
}

/** The bytes stored for a model (already item side only). */
export function packModel(model: RecModel, snapshot: CatalogSnapshot): Buffer {
  return encodeBundle(snapshot, serializeModel(model));
}

export function unpackModel(
  head: { id: number; kind: RecommendModelKind; trainedAt: Date },
  bytes: Buffer,
): LoadedModel {
  const { snapshot, modelBytes } = decodeBundle(bytes);
  return new LoadedModel(head.id, head.kind, head.trainedAt, loadModel(modelBytes), snapshot);
}
