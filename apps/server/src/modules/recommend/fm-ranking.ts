/**
 * Private FM's ranking. The user is folded in from their feedback at every request (a like or a
 * bin from a minute ago is in the profile already), then:
 *
 *   value(item) = score / max score                      the engine's blended score
 *               + w_known       · [the user likes it]     mode: favourites or not
 *               + w_artist      · [by an artist they play]
 *               + w_popularity  · log-popularity share     mode: hits or deep cuts
 *               − TRASH_PENALTY · max similarity to a recently binned track
 *
 * The last term is what makes a bin felt in the very next batch: fold-in moves the whole taste a
 * little, the penalty pushes the binned track's neighbours (same artist, same sound) down hard.
 */
import type { FmMode } from '../../db/tables/recommend.ts';
import {
  knownArtistItems,
  knownItems,
  topCandidates,
  type ModelCandidate,
  type UserScores,
} from './model-candidates.ts';
import type { UserFeedback } from './user-feedback.ts';

export const FM_MODES = ['default', 'familiar', 'discovery'] as const satisfies readonly FmMode[];

export interface ModeWeights {
  known: number;
  knownArtist: number;
  popularity: number;
}

/**
 * default: mostly new to the user, leaning to artists they play; familiar: their favourites and
 * those artists; discovery: nothing they know, unplayed artists, fewer hits.
 */
export const MODE_WEIGHTS: Readonly<Record<FmMode, ModeWeights>> = {
  default: { known: -0.3, knownArtist: 0.1, popularity: 0 },
  familiar: { known: 0.6, knownArtist: 0.3, popularity: 0.1 },
  discovery: { known: -5, knownArtist: -0.5, popularity: -0.3 },
};

export const TRASH_PENALTY = 1.5;
/** Binned tracks whose neighbours are pushed down: the most recent ones. */
export const RECENT_TRASH = 50;
/** Candidates ranked per request (the penalty is computed for these only). */
const CANDIDATES = 300;

export interface FmCandidate extends ModelCandidate {
  /** by an artist the user plays */
  familiarArtist: boolean;
}

/** Ranked FM candidates, best first; `mask` flags items never to return. */
export function rankForFm(
  scored: UserScores,
  feedback: UserFeedback,
  mode: FmMode,
  mask: Uint8Array,
): FmCandidate[] {
  const { loaded, scores } = scored;
  const weights = MODE_WEIGHTS[mode];
  const known = knownItems(scored);
  const familiarArtist = knownArtistItems(scored);
  const popularity = loaded.popularityShare();
  let maxScore = 0;
  for (let item = 0; item < scores.length; item++) {
    if (!mask[item] && scores[item]! > maxScore) maxScore = scores[item]!;
  }
  const scale = maxScore > 0 ? 1 / maxScore : 1;
  const values = new Float32Array(scores.length);
  for (let item = 0; item < values.length; item++) {
    values[item] =
      scores[item]! * scale +
      weights.known * known[item]! +
      weights.knownArtist * familiarArtist[item]! +
      weights.popularity * popularity[item]!;
  }
  const binned = recentTrash(scored, feedback);
  return topCandidates(scored, mask, CANDIDATES, values)
    .map((candidate) => {
      let nearest = 0;
      for (const item of binned)
        nearest = Math.max(nearest, loaded.similarity.similarity(item, candidate.item));
      return {
        ...candidate,
        score: candidate.score - TRASH_PENALTY * nearest,
        familiarArtist: familiarArtist[candidate.item] === 1,
      };
    })
    .sort((a, b) => b.score - a.score || a.item - b.item);
}

/** Items of the most recently binned tracks the model knows. */
function recentTrash(scored: UserScores, feedback: UserFeedback): number[] {
  const { itemOf } = scored.loaded.catalog;
  return [...feedback.trashed]
    .sort((a, b) => b[1].getTime() - a[1].getTime())
    .flatMap(([trackId]) => itemOf.get(trackId) ?? [])
    .slice(0, RECENT_TRASH);
}
