/**
 * Implicit feedback → the signed confidences the models learn from.
 *
 * The server's listening log records how each playback ended plus explicit acts (like, collect,
 * share, trash). Each event adds a weight to the (user, track) cell; the net score s then becomes a
 * confidence w:
 *
 *   s > 0:  w = 1 + γ ln(1 + s / median_u)   "listened at all" is worth 1, repetition adds a
 *                                             little, measured against this user's typical score
 *   s < 0:  w = -ln(1 + |s|)                  an explicit "not for me"; a confident zero for iALS,
 *                                             and a push away from similar items for EASE
 *   s = 0:  w = 0                             met but neutral (finished once, then skipped once)
 *
 * Relative to the user's median, so a heavy listener who plays everything 50 times and a light one
 * who plays things twice produce the same spread. On the Last.fm evaluation (play counts = finish
 * events) this beat both binary and absolute log weights for EASE and iALS on the validation split
 * (see the README); γ = 0.5 was chosen there.
 */
import { buildCsr, type Csr } from './sparse.ts';

export type FeedbackKind = 'finish' | 'skip' | 'loop' | 'like' | 'collect' | 'share' | 'trash';

/**
 * What one event says about a user's taste for a track, in units of one completed listen.
 *
 * - finish +1: the base unit; a play to the end (or past the scrobble point) is the commonest and
 *   weakest positive act, and what play counts measure.
 * - skip −1: an *early* skip (the server decides what early means, e.g. under 30 s). Noisy (wrong
 *   moment, not the wrong track), so it only cancels one finish.
 * - loop +2: repeat-one on a single track is a strong, unprompted "again".
 * - like +3: the heart is the clearest explicit positive.
 * - collect +2: adding to a playlist is deliberate curation, if sometimes for someone else.
 * - share +2: sharing endorses the track publicly; some shares are jokes, so not as much as a like.
 * - trash −3: the FM's bin button is the clearest explicit negative. It also blocks the track from
 *   every list for this user (see `blocked`), whatever the net score says.
 */
export const SIGNAL_WEIGHTS: Readonly<Record<FeedbackKind, number>> = {
  finish: 1,
  skip: -1,
  loop: 2,
  like: 3,
  collect: 2,
  share: 2,
  trash: -3,
};

/** Positive acts explicit enough to lift an earlier trash (changing one's mind). */
const UNBLOCKING: ReadonlySet<FeedbackKind> = new Set(['like', 'collect', 'loop', 'share']);

/** Slope γ of the positive confidence curve (tuned on the validation split, see the README). */
export const CONFIDENCE_GAMMA = 0.5;

export interface FeedbackEvent {
  readonly user: number;
  readonly item: number;
  readonly kind: FeedbackKind;
  /** Milliseconds since the epoch; needed only with a half-life. */
  readonly at?: number;
  /** Repetitions of the same event (e.g. an aggregated play count); default 1. */
  readonly count?: number;
}

export interface SignalOptions {
  readonly gamma: number;
  /**
   * Optional exponential decay: an event `halfLifeDays` old counts half. Daily lists use months,
   * the FM may use days; without it every event counts fully.
   */
  readonly halfLifeDays?: number;
  /** "Now" for the decay, in ms (time is injected, never read from the clock here). */
  readonly now?: number;
}

export interface Confidences {
  /** users x items, signed confidences as described above. */
  readonly interactions: Csr;
  /** users x items, value 1 where the user trashed the item and never lifted it: never recommend. */
  readonly blocked: Csr;
}

/** Net score s per (user, item), summed over events with their weights and optional decay. */
export function netScores(
  events: Iterable<FeedbackEvent>,
  nUsers: number,
  nItems: number,
  options: Partial<SignalOptions> = {},
): { net: Csr; blocked: Csr } {
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  // Latest trash and latest unblocking act per cell decide whether the cell stays blocked.
  const lastTrash = new Map<number, number>();
  const lastUnblock = new Map<number, number>();
  const decayPerMs = options.halfLifeDays ? Math.LN2 / (options.halfLifeDays * 86_400_000) : 0;
  const now = options.now ?? 0;
  let order = 0;
  for (const e of events) {
    const weight = SIGNAL_WEIGHTS[e.kind];
    if (weight === undefined) throw new Error(`unknown feedback kind ${String(e.kind)}`);
    let w = weight * (e.count ?? 1);
    if (decayPerMs > 0) {
      if (e.at === undefined) throw new Error('events need `at` when a half-life is set');
      w *= Math.exp(-decayPerMs * Math.max(0, now - e.at));
    }
    rows.push(e.user);
    cols.push(e.item);
    vals.push(w);
    const cell = e.user * nItems + e.item;
    const when = e.at ?? order;
    order++;
    if (e.kind === 'trash') lastTrash.set(cell, Math.max(lastTrash.get(cell) ?? -Infinity, when));
    else if (UNBLOCKING.has(e.kind))
      lastUnblock.set(cell, Math.max(lastUnblock.get(cell) ?? -Infinity, when));
  }
  const net = buildCsr(
    { rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float32Array.from(vals) },
    nUsers,
    nItems,
  );
  const br: number[] = [];
  const bc: number[] = [];
  for (const [cell, when] of lastTrash) {
    if ((lastUnblock.get(cell) ?? -Infinity) > when) continue;
    br.push(Math.floor(cell / nItems));
    bc.push(cell % nItems);
  }
  const blocked = buildCsr(
    { rows: Int32Array.from(br), cols: Int32Array.from(bc), values: new Float32Array(br.length).fill(1) },
    nUsers,
    nItems,
  );
  return { net, blocked };
}

/** Turns net scores into signed confidences (the formula in the file comment). */
export function confidencesFromScores(net: Csr, gamma = CONFIDENCE_GAMMA): Csr {
  const values = new Float32Array(net.values.length);
  const positives = new Float64Array(Math.max(1, maxRowLength(net)));
  for (let u = 0; u < net.nRows; u++) {
    const start = net.indptr[u]!;
    const end = net.indptr[u + 1]!;
    let n = 0;
    for (let p = start; p < end; p++) if (net.values[p]! > 0) positives[n++] = net.values[p]!;
    const median = n > 0 ? medianOf(positives.subarray(0, n)) : 1;
    for (let p = start; p < end; p++) {
      const s = net.values[p]!;
      values[p] = s > 0 ? 1 + gamma * Math.log1p(s / median) : s < 0 ? -Math.log1p(-s) : 0;
    }
  }
  return { ...net, values };
}

/** Events → confidences and the blocked cells, in one call (what the nightly job feeds). */
export function confidencesFromEvents(
  events: Iterable<FeedbackEvent>,
  nUsers: number,
  nItems: number,
  options: Partial<SignalOptions> = {},
): Confidences {
  const { net, blocked } = netScores(events, nUsers, nItems, options);
  return { interactions: confidencesFromScores(net, options.gamma ?? CONFIDENCE_GAMMA), blocked };
}

function maxRowLength(m: Csr): number {
  let max = 0;
  for (let r = 0; r < m.nRows; r++) max = Math.max(max, m.indptr[r + 1]! - m.indptr[r]!);
  return max;
}

/** Median of a scratch array (sorted in place). */
function medianOf(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
