/**
 * The recommender: one trained bundle of models and the operations the server calls on it.
 *
 *   score(user) = w_ease · EASE(history) + w_ials · iALS(vector) + w_social · friends' items
 *               + w_content · content(history)      (w_coldContent for items nobody has played)
 *               + w_popularity · popularity          (a tie-breaker; all a stranger gets)
 *
 * each term divided by its maximum over the user's candidate items, so the weights compare like
 * with like. Users are addressed through a `UserProfile` (history + factor vector): `profileOf`
 * gives the one from training, `foldIn` makes a fresh one from any history in a few milliseconds,
 * which is how Private FM reacts to a skip straight away.
 */
import { factorScorer, rowNorms } from './factor-scorer.ts';
import { buildContentModel, scoreContent, type ContentModel, type ItemFeatures } from './content.ts';
import {
  DEFAULT_EASE_OPTIONS,
  easeNeighbours,
  scoreEase,
  scoreEaseTrainingUser,
  trainEase,
  type EaseModel,
  type EaseOptions,
} from './ease.ts';
import {
  DEFAULT_IALS_OPTIONS,
  foldInUser,
  gramian,
  scoreIals,
  solveRow,
  trainIals,
  userVector,
  type IalsModel,
  type IalsOptions,
} from './ials.ts';
import { trainPopularity } from './popularity.ts';
import { scoreSocial } from './social.ts';
import { buildCsr, transpose, type Csr } from './sparse.ts';
import { topN } from './topn.ts';
import { rowOf, type SparseVector } from './vectors.ts';

export interface BlendWeights {
  readonly ease: number;
  readonly ials: number;
  readonly social: number;
  /** Content similarity for items that have been played. */
  readonly content: number;
  /** Content similarity for items nobody has played in training (their only signal). */
  readonly coldContent: number;
  readonly popularity: number;
}

export interface EngineConfig {
  /** `false` leaves the model out. */
  readonly ease: EaseOptions | false;
  readonly ials: IalsOptions | false;
  readonly blend: BlendWeights;
}

export interface EngineConfigInput {
  readonly ease?: Partial<EaseOptions> | false;
  readonly ials?: Partial<IalsOptions> | false;
  readonly blend?: Partial<BlendWeights>;
}

/**
 * Blend weights chosen on the validation split of Last.fm (seed 1), see the README: iALS counts
 * double (ials 1-3 tried), friends add a little (0-0.4), content is worth as much as EASE (0-2.5),
 * and a new track whose content matches as well as the best played one scores like a
 * half-strength CF candidate (coldContent 2; 3 and more started to crowd out better picks).
 */
export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  ease: DEFAULT_EASE_OPTIONS,
  ials: DEFAULT_IALS_OPTIONS,
  blend: { ease: 1, ials: 2, social: 0.2, content: 1, coldContent: 2, popularity: 0.001 },
};

export function resolveConfig(input: EngineConfigInput = {}): EngineConfig {
  const base = DEFAULT_ENGINE_CONFIG;
  return {
    ease: input.ease === false ? false : { ...(base.ease as EaseOptions), ...input.ease },
    ials: input.ials === false ? false : { ...(base.ials as IalsOptions), ...input.ials },
    blend: { ...base.blend, ...input.blend },
  };
}

export interface TrainInput {
  /** users x items signed confidences (signals.ts). */
  readonly interactions: Csr;
  /** users x users, symmetric; values weight each friend (1 = plain friendship). */
  readonly friends?: Csr;
  /** Per item (index = item), for the content fallback. */
  readonly itemFeatures?: readonly (ItemFeatures | undefined)[];
}

export interface RecModel {
  readonly formatVersion: 1;
  readonly nUsers: number;
  readonly nItems: number;
  readonly config: EngineConfig;
  /** The current histories (training data, plus any incremental updates). */
  readonly interactions: Csr;
  readonly friends: Csr | null;
  /** Listeners per item in training. */
  readonly popularity: Float32Array;
  readonly ease: EaseModel | null;
  readonly ials: IalsModel | null;
  readonly content: ContentModel | null;
  /** 1 for users whose history changed after training (EASE must then score the new history). */
  readonly changedSinceTraining: Uint8Array;
  /** Wall-clock training time per part, in seconds. */
  readonly trainSeconds: TrainSeconds;
}

export interface TrainSeconds {
  readonly ease: number;
  readonly ials: number;
  readonly content: number;
  readonly total: number;
}

/** Who is being recommended to: a history and, for iALS, a factor vector. */
export interface UserProfile {
  /** Row in the training data (for the friend term), or null for someone the model never saw. */
  readonly user: number | null;
  readonly history: SparseVector;
  readonly vector: Float32Array | null;
  /** Set when `history` is exactly the EASE training row, which allows a faster exact path. */
  readonly easeRow: number | null;
}

export interface Recommendation {
  readonly items: Int32Array;
  readonly scores: Float32Array;
}

export function trainModel(input: TrainInput, configInput: EngineConfigInput = {}): RecModel {
  const started = performance.now();
  const config = resolveConfig(configInput);
  const x = input.interactions;
  if (input.friends && (input.friends.nRows !== x.nRows || input.friends.nCols !== x.nRows)) {
    throw new Error('friends must be a users x users matrix');
  }
  if (input.itemFeatures && input.itemFeatures.length !== x.nCols) {
    throw new Error(`itemFeatures has ${input.itemFeatures.length} entries for ${x.nCols} items`);
  }
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const result = f();
    return [result, (performance.now() - t0) / 1000];
  };
  const easeOptions = config.ease;
  const ialsOptions = config.ials;
  const [ease, easeSeconds] = timed(() =>
    easeOptions && config.blend.ease !== 0 ? trainEase(x, easeOptions) : null,
  );
  const [ials, ialsSeconds] = timed(() =>
    ialsOptions && config.blend.ials !== 0 ? trainIals(x, ialsOptions) : null,
  );
  const features = input.itemFeatures;
  const [content, contentSeconds] = timed(() => (features ? buildContentModel(features) : null));
  return {
    formatVersion: 1,
    nUsers: x.nRows,
    nItems: x.nCols,
    config,
    interactions: x,
    friends: input.friends ?? null,
    popularity: trainPopularity(x),
    ease,
    ials,
    content,
    changedSinceTraining: new Uint8Array(x.nRows),
    trainSeconds: {
      ease: easeSeconds,
      ials: ialsSeconds,
      content: contentSeconds,
      total: (performance.now() - started) / 1000,
    },
  };
}

/** The profile of a known user as the model currently holds it. */
export function profileOf(model: RecModel, user: number): UserProfile {
  if (!(user >= 0 && user < model.nUsers)) throw new RangeError(`no user ${user} in the model`);
  return {
    user,
    history: rowOf(model.interactions, user),
    vector: model.ials ? userVector(model.ials, user) : null,
    easeRow: model.changedSinceTraining[user] ? null : user,
  };
}

/**
 * A profile for any history (a new user, or a user's latest events) without retraining: the iALS
 * vector is the exact least-squares fit against the fixed item factors, EASE scores the history
 * directly. `user` keeps the friend term for a known user.
 */
export function foldIn(model: RecModel, history: SparseVector, user: number | null = null): UserProfile {
  for (let p = 0; p < history.items.length; p++) {
    const item = history.items[p]!;
    if (!(item >= 0 && item < model.nItems)) throw new RangeError(`no item ${item} in the model`);
  }
  return {
    user: user !== null && user >= 0 && user < model.nUsers ? user : null,
    history,
    vector: model.ials ? foldInUser(model.ials, history) : null,
    easeRow: null,
  };
}

/** Reusable buffers for scoring many users in a row (one per model size). */
export class ScoringScratch {
  readonly term: Float32Array;
  readonly inHistory: Uint8Array;
  constructor(nItems: number) {
    this.term = new Float32Array(nItems);
    this.inHistory = new Uint8Array(nItems);
  }
}

/** The largest positive value of `term` outside the history (0 when there is none). */
function candidateMax(term: Float32Array, inHistory: Uint8Array): number {
  let max = 0;
  for (let j = 0; j < term.length; j++) if (inHistory[j] === 0 && term[j]! > max) max = term[j]!;
  return max;
}

/** Adds w · term / max(term over candidates) to out; skipped when the term has nothing positive. */
function addNormalised(out: Float32Array, term: Float32Array, w: number, inHistory: Uint8Array): void {
  if (w === 0) return;
  const max = candidateMax(term, inHistory);
  if (!(max > 0)) return;
  const f = w / max;
  for (let j = 0; j < term.length; j++) out[j]! += f * term[j]!;
}

/** Blended scores for every item (history items included; `recommend` filters). */
export function scoreProfile(
  model: RecModel,
  profile: UserProfile,
  out: Float32Array,
  scratch: ScoringScratch = new ScoringScratch(model.nItems),
): void {
  const { blend } = model.config;
  const { term, inHistory } = scratch;
  out.fill(0);
  const h = profile.history;
  for (let p = 0; p < h.items.length; p++) inHistory[h.items[p]!] = 1;
  try {
    if (model.ease && blend.ease !== 0) {
      if (profile.easeRow === null || !scoreEaseTrainingUser(model.ease, profile.easeRow, term)) {
        scoreEase(model.ease, h, term);
      }
      addNormalised(out, term, blend.ease, inHistory);
    }
    if (model.ials && profile.vector && blend.ials !== 0) {
      scoreIals(model.ials, profile.vector, term);
      addNormalised(out, term, blend.ials, inHistory);
    }
    if (model.friends && profile.user !== null && blend.social !== 0) {
      scoreSocial(model.friends, model.interactions, profile.user, term);
      addNormalised(out, term, blend.social, inHistory);
    }
    if (model.content && (blend.content !== 0 || blend.coldContent !== 0) && h.items.length > 0) {
      scoreContent(model.content, h, term);
      // One scale for played and unplayed items, so a new track needs a match as good as the best
      // played one's to earn the full cold weight (a faint match stays faint).
      const max = candidateMax(term, inHistory);
      if (max > 0) {
        const warm = blend.content / max;
        const cold = blend.coldContent / max;
        for (let j = 0; j < term.length; j++) out[j]! += (model.popularity[j] === 0 ? cold : warm) * term[j]!;
      }
    }
    addNormalised(out, model.popularity, blend.popularity, inHistory);
  } finally {
    for (let p = 0; p < h.items.length; p++) inHistory[h.items[p]!] = 0;
  }
}

export interface RecommendOptions {
  /** Items never to return (blocked tracks, what the FM just played, ...). */
  readonly exclude?: ArrayLike<number>;
  /** Leave out the items in the profile's history (default true). */
  readonly excludeHistory?: boolean;
  readonly scratch?: ScoringScratch;
}

/** The top `n` items for a profile, best first. */
export function recommend(
  model: RecModel,
  profile: UserProfile,
  n: number,
  options: RecommendOptions = {},
): Recommendation {
  const scores = new Float32Array(model.nItems);
  scoreProfile(model, profile, scores, options.scratch);
  const mask = new Uint8Array(model.nItems);
  if (options.excludeHistory ?? true) for (const item of profile.history.items) mask[item] = 1;
  if (options.exclude) {
    for (let i = 0; i < options.exclude.length; i++) {
      const item = options.exclude[i]!;
      if (item >= 0 && item < model.nItems) mask[item] = 1;
    }
  }
  const items = topN(scores, n, mask);
  return { items, scores: Float32Array.from(items, (item) => scores[item]!) };
}

/**
 * Items most like `item` ("more like this", the FM's next-track candidates): EASE's item-item
 * weights, iALS cosine, and content cosine, blended with the model's weights. An item nobody has
 * played falls back to content alone.
 */
export function similarItems(
  model: RecModel,
  item: number,
  n: number,
  exclude?: ArrayLike<number>,
): Recommendation {
  if (!(item >= 0 && item < model.nItems)) throw new RangeError(`no item ${item} in the model`);
  const { blend } = model.config;
  const out = new Float32Array(model.nItems);
  const term = new Float32Array(model.nItems);
  const self = new Uint8Array(model.nItems);
  self[item] = 1;
  const one: SparseVector = { items: Int32Array.of(item), values: Float32Array.of(1) };
  const warm = model.popularity[item]! > 0;
  if (warm && model.ease && blend.ease !== 0) {
    easeNeighbours(model.ease, item, term);
    addNormalised(out, term, blend.ease, self);
  }
  if (warm && model.ials && blend.ials !== 0) {
    const { factors: k, itemFactors: y } = model.ials;
    factorScorer(y, k).score(y.subarray(item * k, (item + 1) * k), term);
    const norms = rowNorms(y, k);
    for (let j = 0; j < model.nItems; j++) term[j] = norms[j]! > 0 ? term[j]! / norms[j]! : 0;
    addNormalised(out, term, blend.ials, self);
  }
  if (model.content) {
    scoreContent(model.content, one, term);
    addNormalised(out, term, warm ? blend.content : 1, self);
  }
  const mask = new Uint8Array(model.nItems);
  mask[item] = 1;
  if (exclude) for (let i = 0; i < exclude.length; i++) mask[exclude[i]!] = 1;
  // Only items with some positive evidence are "similar".
  for (let j = 0; j < out.length; j++) if (!(out[j]! > 0)) mask[j] = 1;
  const items = topN(out, n, mask);
  return { items, scores: Float32Array.from(items, (j) => out[j]!) };
}

/**
 * The day's incremental update between nightly rebuilds: replaces the histories of the given users,
 * refits their iALS vectors and those of every item they touched (exact solves against the fixed
 * other side), and leaves EASE's weights as they are (it scores the new histories directly).
 * Returns a new model; the old one stays valid for readers still holding it.
 */
export function applyUpdates(model: RecModel, histories: ReadonlyMap<number, SparseVector>): RecModel {
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  const changed = model.changedSinceTraining.slice();
  const touchedItems = new Set<number>();
  for (let u = 0; u < model.nUsers; u++) {
    const replacement = histories.get(u);
    const old = rowOf(model.interactions, u);
    const row = replacement ?? old;
    if (replacement) {
      changed[u] = 1;
      for (const item of old.items) touchedItems.add(item);
      for (const item of replacement.items) touchedItems.add(item);
    }
    for (let p = 0; p < row.items.length; p++) {
      rows.push(u);
      cols.push(row.items[p]!);
      vals.push(row.values[p]!);
    }
  }
  for (const u of histories.keys()) {
    if (!(u >= 0 && u < model.nUsers))
      throw new RangeError(`no user ${u} in the model (retrain to add users)`);
  }
  const interactions = buildCsr(
    { rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float32Array.from(vals) },
    model.nUsers,
    model.nItems,
  );
  let ials = model.ials;
  if (ials) {
    const k = ials.factors;
    const userFactors = ials.userFactors.slice();
    const itemFactors = ials.itemFactors.slice();
    const { lambda, alpha } = ials;
    const solveUsers = (itemGramian: Float64Array) => {
      for (const [u, history] of histories) {
        userFactors.set(solveRow(itemFactors, itemGramian, k, lambda, alpha, history), u * k);
      }
    };
    // Users against the old items, the touched items against the new users, then the users again so
    // that a stored vector equals a fresh fold-in of the same history on the updated model.
    solveUsers(ials.itemGramian);
    const byItem = transpose(interactions);
    const userGramian = gramian(userFactors, k);
    for (const item of touchedItems) {
      itemFactors.set(solveRow(userFactors, userGramian, k, lambda, alpha, rowOf(byItem, item)), item * k);
    }
    const itemGramian = gramian(itemFactors, k);
    solveUsers(itemGramian);
    ials = { ...ials, userFactors, itemFactors, itemGramian };
  }
  return {
    ...model,
    interactions,
    popularity: trainPopularity(interactions),
    ials,
    changedSinceTraining: changed,
  };
}
