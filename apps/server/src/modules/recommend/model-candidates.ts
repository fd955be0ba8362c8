/**
 * The engine applied to one user: fold their current feedback in, score the catalogue, and pull
 * ranked candidates out of the scores. Everything here is synchronous, so the shared scoring
 * buffers of the loaded model are never used by two requests at once.
 */
import { foldIn, scoreProfile } from './engine/model.ts';
import { topN } from './engine/topn.ts';
import type { SparseVector } from './engine/vectors.ts';
import { historyOf } from './feedback-matrix.ts';
import { strongestPositive } from './feedback-signals.ts';
import type { LoadedModel } from './loaded-model.ts';
import type { Anchor } from './reason.ts';
import type { UserFeedback } from './user-feedback.ts';

export interface UserScores {
  readonly loaded: LoadedModel;
  readonly history: SparseVector;
  /** items with a positive confidence, strongest first */
  readonly positives: Int32Array;
  /** blended engine score per item (history items included) */
  readonly scores: Float32Array;
}

export interface ModelCandidate {
  item: number;
  trackId: string;
  artistIds: string[];
  score: number;
  /** in the user's positive history */
  known: boolean;
}

/** Anchors for reasons are looked for among this many of the user's strongest tracks. */
const ANCHOR_POOL = 200;

/** Scores for any history (a user's, a playlist's, some seed tracks'). */
export function scoreHistory(loaded: LoadedModel, history: SparseVector): UserScores {
  const order = Array.from(history.items.keys())
    .filter((p) => history.values[p]! > 0)
    .sort((a, b) => history.values[b]! - history.values[a]! || history.items[a]! - history.items[b]!);
  const scores = new Float32Array(loaded.model.nItems);
  scoreProfile(loaded.model, foldIn(loaded.model, history), scores, loaded.scratch);
  return { loaded, history, positives: Int32Array.from(order, (p) => history.items[p]!), scores };
}

/** The user's scores, or null when nothing they like is known to the model (cold start). */
export function scoreUser(loaded: LoadedModel, feedback: UserFeedback): UserScores | null {
  const history = historyOf(feedback, loaded.catalog.itemOf, loaded.catalog.size);
  const scored = scoreHistory(loaded, history);
  return scored.positives.length > 0 ? scored : null;
}

/** A pseudo-history of equally weighted tracks (a playlist, seed tracks); unknown ids are skipped. */
export function historyOfTracks(loaded: LoadedModel, trackIds: readonly string[]): SparseVector {
  const items = [...new Set(trackIds.flatMap((id) => loaded.catalog.itemOf.get(id) ?? []))].sort(
    (a, b) => a - b,
  );
  return { items: Int32Array.from(items), values: new Float32Array(items.length).fill(1) };
}

/**
 * Items never to offer this user: binned tracks, tracks by blocked artists, tracks they reacted
 * badly to (net negative), and any `extra` track ids.
 */
export function exclusionMask(
  loaded: LoadedModel,
  feedback: Pick<UserFeedback, 'trashed' | 'blockedArtists'>,
  history: SparseVector | null,
  extra: Iterable<string> = [],
): Uint8Array {
  const { catalog } = loaded;
  const mask = new Uint8Array(catalog.size);
  const add = (trackId: string) => {
    const item = catalog.itemOf.get(trackId);
    if (item !== undefined) mask[item] = 1;
  };
  for (const trackId of feedback.trashed.keys()) add(trackId);
  for (const trackId of extra) add(trackId);
  for (const artistId of feedback.blockedArtists)
    for (const item of catalog.itemsBy(artistId)) mask[item] = 1;
  if (history) {
    for (let p = 0; p < history.items.length; p++) if (history.values[p]! < 0) mask[history.items[p]!] = 1;
  }
  return mask;
}

/**
 * The `n` best items as candidates: by the scores, or by `values` when given (one per item; NaN
 * never returns an item, like a set `mask` flag).
 */
export function topCandidates(
  scored: UserScores,
  mask: Uint8Array,
  n: number,
  values: Float32Array = scored.scores,
): ModelCandidate[] {
  const { catalog } = scored.loaded;
  const known = new Set(scored.positives);
  return Array.from(topN(values, n, mask), (item) => ({
    item,
    trackId: catalog.trackId(item),
    artistIds: catalog.artistIdsOf(item),
    score: values[item]!,
    known: known.has(item),
  }));
}

/** 1 for each item of the user's positive history. */
export function knownItems(scored: UserScores): Uint8Array {
  const flags = new Uint8Array(scored.loaded.catalog.size);
  for (const item of scored.positives) flags[item] = 1;
  return flags;
}

/** 1 for every item by an artist credited on one of the user's positive tracks. */
export function knownArtistItems(scored: UserScores): Uint8Array {
  const { catalog } = scored.loaded;
  const flags = new Uint8Array(catalog.size);
  const byItem = catalog.snapshot.itemArtists;
  const byArtist = catalog.artistItems;
  const seen = new Uint8Array(byArtist.nRows);
  for (const item of scored.positives) {
    for (let p = byItem.indptr[item]!; p < byItem.indptr[item + 1]!; p++) {
      const artist = byItem.indices[p]!;
      if (seen[artist]) continue;
      seen[artist] = 1;
      for (let q = byArtist.indptr[artist]!; q < byArtist.indptr[artist + 1]!; q++)
        flags[byArtist.indices[q]!] = 1;
    }
  }
  return flags;
}

/**
 * Discovery values: the score, discounted by how widely the item is already played (a hit is no
 * discovery); NaN for anything by an artist the user already plays.
 */
export function discoveryValues(scored: UserScores): Float32Array {
  const familiarArtist = knownArtistItems(scored);
  const novelty = scored.loaded.novelty();
  const { scores } = scored;
  const values = new Float32Array(scores.length);
  for (let item = 0; item < values.length; item++) {
    values[item] = familiarArtist[item] ? NaN : scores[item]! * novelty[item]!;
  }
  return values;
}

/** The user's track most like `item` (for its reason), with how they showed they like it. */
export function anchorFor(scored: UserScores, item: number, feedback: UserFeedback | null): Anchor | null {
  const { loaded } = scored;
  let best: Anchor | null = null;
  const n = Math.min(scored.positives.length, ANCHOR_POOL);
  for (let p = 0; p < n; p++) {
    const candidate = scored.positives[p]!;
    if (candidate === item) continue;
    const similarity = loaded.similarity.similarity(candidate, item);
    if (best && similarity <= best.similarity) continue;
    const trackId = loaded.catalog.trackId(candidate);
    const signals = feedback?.cells.get(trackId);
    best = {
      trackId,
      artistId: loaded.catalog.artistIdsOf(candidate)[0] ?? null,
      signal: (signals && strongestPositive(signals)) ?? 'finished',
      similarity,
    };
  }
  return best;
}
