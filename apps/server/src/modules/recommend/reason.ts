/**
 * Why a track was recommended, as data the web app turns into a sentence in the reader's
 * language ("because you looped 晴天", "popular with listeners of 周杰伦"). Chosen from facts the
 * ranking already has, so the reason is what actually brought the track up, not a story told
 * afterwards. A reason names tracks and artists by id; the presenter adds today's titles and
 * names when the list is read (so generating 100,000 lists never loads a title).
 */

export type ReasonKind =
  | 'looped'
  | 'liked'
  | 'similar_to'
  | 'popular_with_listeners_of'
  | 'new_from_artist'
  | 'popular_in_genre'
  | 'discovery';

export interface Reason {
  kind: ReasonKind;
  trackId?: string;
  artistId?: string;
  genre?: string;
}

/** Where a candidate came from. */
export type Origin =
  /** the model's best guesses: neighbours of what the user plays */
  | 'familiar'
  /** the model's guesses from artists the user has not played, less-played first */
  | 'discovery'
  /** a recent addition by an artist the user follows */
  | 'new'
  /** popular within the onboarding choices (or the user's top artists and genres) */
  | 'seed';

export interface Anchor {
  trackId: string;
  /** the anchor's first credited artist */
  artistId: string | null;
  /** how the user showed they like the anchor */
  signal: 'looped' | 'liked' | 'finished';
  /** 0..1 */
  similarity: number;
}

export interface ReasonFacts {
  origin: Origin;
  trackId: string;
  artistIds: readonly string[];
  genre: string | null;
  /** the user's strongest positive act on this very track, when they know it */
  own: 'looped' | 'liked' | 'finished' | null;
  /** the user's track most like this one */
  anchor: Anchor | null;
  /** for 'new': the followed artist; for 'seed': the chosen artist it matched */
  artistId?: string | null;
  /** for 'seed': the chosen genre it matched */
  seedGenre?: string | null;
}

/** Below this an anchor is too far away to be the honest reason. */
export const MIN_ANCHOR_SIMILARITY = 0.2;

export function chooseReason(facts: ReasonFacts): Reason {
  if (facts.origin === 'new' && facts.artistId) return { kind: 'new_from_artist', artistId: facts.artistId };
  if (facts.origin === 'seed') {
    if (facts.artistId) return { kind: 'popular_with_listeners_of', artistId: facts.artistId };
    const genre = facts.seedGenre ?? facts.genre;
    if (genre) return { kind: 'popular_in_genre', genre };
  }
  // A favourite brought back: the reason is the user's own act on it.
  if (facts.own === 'looped') return { kind: 'looped', trackId: facts.trackId };
  if (facts.own === 'liked') return { kind: 'liked', trackId: facts.trackId };
  const anchor = facts.anchor;
  if (anchor && anchor.similarity >= MIN_ANCHOR_SIMILARITY) {
    // Discovery crosses artists: the honest story is the audience the two artists share.
    if (facts.origin === 'discovery' && anchor.artistId && !facts.artistIds.includes(anchor.artistId)) {
      return { kind: 'popular_with_listeners_of', artistId: anchor.artistId };
    }
    if (anchor.signal === 'looped') return { kind: 'looped', trackId: anchor.trackId };
    if (anchor.signal === 'liked') return { kind: 'liked', trackId: anchor.trackId };
    return { kind: 'similar_to', trackId: anchor.trackId };
  }
  return { kind: 'discovery' };
}
