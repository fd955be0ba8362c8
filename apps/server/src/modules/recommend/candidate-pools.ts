/**
 * Where a user's candidates come from, whatever asks (the daily list, Private FM):
 *
 *   the model knows something the user likes   → familiar: the best-scored items
 *                                                 discovery: best-scored by unplayed artists,
 *                                                            less-played first
 *   otherwise (new user, taste just reset, no   → seed: popular within the onboarding choices,
 *   model yet)                                    else within the artists and genres of the
 *                                                  user's history, else the whole library;
 *                                                  discovery: the model's neighbours of those
 *                                                  (content similarity when nobody played them)
 *   always                                      → new: recent additions by followed artists
 *                                                  fallback: the most played tracks
 *
 * Each candidate keeps what its reason needs (reason.ts); `reasonFor` turns that into the reason.
 */
import type { CandidateRepository, SqlCandidate, Taste } from './candidate.repository.ts';
import type { MixCandidate } from './daily-mix.ts';
import { strongestPositive } from './feedback-signals.ts';
import type { LoadedModel } from './loaded-model.ts';
import {
  anchorFor,
  discoveryValues,
  exclusionMask,
  historyOfTracks,
  knownItems,
  scoreHistory,
  scoreUser,
  topCandidates,
  type ModelCandidate,
  type UserScores,
} from './model-candidates.ts';
import type { PopularTracks } from './popular-tracks.ts';
import { chooseReason, type Origin, type Reason } from './reason.ts';
import type { UserFeedback } from './user-feedback.ts';

export interface Candidate extends MixCandidate {
  origin: Origin;
  /** the model's item, for model candidates */
  item: number | null;
  genre: string | null;
  /** for seed and new candidates: the chosen or followed artist it matched */
  matchedArtistId: string | null;
  /** for seed candidates: the chosen genre it matched */
  matchedGenre: string | null;
}

export interface Pools {
  familiar: Candidate[];
  discovery: Candidate[];
  /** recent additions by followed artists */
  fresh: Candidate[];
  fallback: Candidate[];
  /** true when the user's history did not drive the pools (onboarding choices or popularity) */
  coldStart: boolean;
  /** the user's scores, when the model knows them */
  scored: UserScores | null;
  /** scores of the seed tracks (cold start with a model): anchors for the discovery pool */
  seedScored: UserScores | null;
}

export interface PoolOptions {
  size: number;
  now: Date;
  /** track ids never to return (besides binned and blocked) */
  exclude: Iterable<string>;
}

/** Artists a user "follows": chosen at onboarding, plus those of their strongest tracks. */
const FOLLOWED_FROM_HISTORY = 5;
/** "New" means added to the library within this many days. */
export const NEW_RELEASE_DAYS = 14;
const SEED_TRACKS_FOR_NEIGHBOURS = 20;
/** Known favourites offered to the mix (which takes at most MAX_KNOWN), one every FAVOURITE_EVERY. */
const FAVOURITES = 10;
const FAVOURITE_EVERY = 6;
const DERIVED_GENRES = 3;

export class CandidatePools {
  constructor(
    private readonly candidates: Pick<CandidateRepository, 'popularWithin' | 'newReleases' | 'tasteOf'>,
    private readonly popular: Pick<PopularTracks, 'get'>,
  ) {}

  async forUser(loaded: LoadedModel | null, feedback: UserFeedback, options: PoolOptions): Promise<Pools> {
    const exclude = [...options.exclude];
    const scored = loaded ? scoreUser(loaded, feedback) : null;
    const since = new Date(options.now.getTime() - NEW_RELEASE_DAYS * 86_400_000);
    // New releases of followed artists, and the most played tracks of the library (cached).
    const alwaysThere = async (followed: readonly string[]) => {
      const [freshRows, popularRows] = await Promise.all([
        this.candidates.newReleases(followed, since, options.size),
        this.popular.get(),
      ]);
      return {
        fresh: freshRows.map((row) => fromSql(row, 'new', null)),
        fallback: popularRows.map((row) => fromSql(row, 'seed', null)),
      };
    };

    if (loaded && scored) {
      const mask = exclusionMask(loaded, feedback, scored.history, exclude);
      const known = knownItems(scored);
      const unknownOnly = new Uint8Array(mask.length);
      const knownOnly = new Uint8Array(mask.length);
      for (let item = 0; item < mask.length; item++) {
        unknownOnly[item] = mask[item]! | known[item]!;
        knownOnly[item] = mask[item]! | (known[item]! ^ 1);
      }
      const neighbours = topCandidates(scored, unknownOnly, options.size);
      const favourites = topCandidates(scored, knownOnly, FAVOURITES);
      const familiar = spread(neighbours, favourites).map((c) => fromModel(c, 'familiar'));
      const discovery = topCandidates(scored, mask, options.size, discoveryValues(scored)).map((c) =>
        fromModel(c, 'discovery'),
      );
      const { fresh, fallback } = await alwaysThere(followedArtists(feedback, topArtists(loaded, scored)));
      return {
        ...asNew(fresh, { familiar, discovery, fallback }),
        fresh,
        coldStart: false,
        scored,
        seedScored: null,
      };
    }

    const taste = await this.tasteFor(feedback);
    const seeds = (await this.candidates.popularWithin(taste, options.size, exclude)).map((row) => ({
      ...fromSql(row, 'seed', taste),
      known: likes(feedback, row.trackId),
    }));
    let discovery: Candidate[] = [];
    let seedScored: UserScores | null = null;
    if (loaded && seeds.length > 0) {
      const seedTracks = seeds.slice(0, SEED_TRACKS_FOR_NEIGHBOURS).map((c) => c.trackId);
      seedScored = scoreHistory(loaded, historyOfTracks(loaded, seedTracks));
      if (seedScored.positives.length > 0) {
        const mask = exclusionMask(loaded, feedback, seedScored.history, [...exclude, ...seedTracks]);
        discovery = topCandidates(seedScored, mask, options.size).map((c) => ({
          ...fromModel(c, 'discovery'),
          known: likes(feedback, c.trackId),
        }));
      } else {
        seedScored = null;
      }
    }
    const { fresh, fallback } = await alwaysThere(taste.artistIds);
    return {
      ...asNew(fresh, { familiar: seeds, discovery, fallback }),
      fresh,
      coldStart: true,
      scored: null,
      seedScored,
    };
  }

  /** Onboarding choices; without them, the artists and genres of what the user played. */
  private async tasteFor(feedback: UserFeedback): Promise<Taste> {
    if (feedback.seeds.genres.length > 0 || feedback.seeds.artistIds.length > 0) return feedback.seeds;
    const liked = [...feedback.cells.keys()].filter((trackId) => likes(feedback, trackId));
    return this.candidates.tasteOf(liked, FOLLOWED_FROM_HISTORY, DERIVED_GENRES);
  }
}

function likes(feedback: UserFeedback, trackId: string): boolean {
  const signals = feedback.cells.get(trackId);
  return signals !== undefined && strongestPositive(signals) !== null;
}

/** Artists of the user's strongest tracks, strongest first. */
function topArtists(loaded: LoadedModel, scored: UserScores): string[] {
  const artists: string[] = [];
  for (const item of scored.positives) {
    for (const id of loaded.catalog.artistIdsOf(item)) if (!artists.includes(id)) artists.push(id);
    if (artists.length >= FOLLOWED_FROM_HISTORY) break;
  }
  return artists;
}

/**
 * A recent addition by a followed artist is told as such ("new from X") whichever pool it is
 * picked from.
 */
function asNew<P extends Record<string, Candidate[]>>(fresh: Candidate[], pools: P): P {
  const byId = new Map(fresh.map((c) => [c.trackId, c]));
  const relabel = (c: Candidate) => {
    const found = byId.get(c.trackId);
    return found ? { ...c, origin: 'new' as const, matchedArtistId: found.matchedArtistId } : c;
  };
  return Object.fromEntries(Object.entries(pools).map(([name, list]) => [name, list.map(relabel)])) as P;
}

/** Favourites among the neighbours, one every few, so a list does not open with what is known. */
function spread<T>(neighbours: T[], favourites: T[]): T[] {
  const result = [...neighbours];
  favourites.forEach((favourite, i) =>
    result.splice(Math.min(result.length, (i + 1) * FAVOURITE_EVERY), 0, favourite),
  );
  return result;
}

function followedArtists(feedback: UserFeedback, fromHistory: string[]): string[] {
  return [...new Set([...feedback.seeds.artistIds, ...fromHistory])];
}

export function fromModel(c: ModelCandidate, origin: Origin): Candidate {
  return {
    trackId: c.trackId,
    artistIds: c.artistIds,
    known: c.known,
    origin,
    item: c.item,
    genre: null,
    matchedArtistId: null,
    matchedGenre: null,
  };
}

function fromSql(row: SqlCandidate, origin: Origin, taste: Taste | null): Candidate {
  return {
    trackId: row.trackId,
    artistIds: row.artistIds,
    known: false,
    origin,
    item: null,
    genre: row.genre,
    matchedArtistId: row.matchedArtistId,
    matchedGenre: row.genre && taste?.genres.includes(row.genre) ? row.genre : null,
  };
}

/** The reason of a picked candidate (see reason.ts for the rules). */
export function reasonFor(
  candidate: Candidate,
  pools: Pick<Pools, 'scored' | 'seedScored'>,
  feedback: UserFeedback,
): Reason {
  const signals = feedback.cells.get(candidate.trackId);
  const own = candidate.known && signals ? strongestPositive(signals) : null;
  let anchor = null;
  if (candidate.item !== null && (candidate.origin === 'familiar' || candidate.origin === 'discovery')) {
    if (pools.scored) anchor = anchorFor(pools.scored, candidate.item, feedback);
    else if (pools.seedScored) anchor = anchorFor(pools.seedScored, candidate.item, null);
  }
  return chooseReason({
    origin: candidate.origin,
    trackId: candidate.trackId,
    artistIds: candidate.artistIds,
    genre: candidate.genre,
    own,
    anchor,
    artistId: candidate.matchedArtistId,
    seedGenre: candidate.matchedGenre,
  });
}
