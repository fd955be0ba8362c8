import type { RecommendationReason, ReasonKind } from './recommend-types.ts';

/** An i18n key under `recommend.reason` and its values: the caller passes them to `t`. */
export interface ReasonMessage {
  key: string;
  values: Record<string, string>;
}

/** What the recommended track itself tells about the reason (its genre's spelling, its artist). */
export interface ReasonTrack {
  genre: string | null;
  artists: readonly { name: string }[];
}

type Wording = (reason: RecommendationReason, track: ReasonTrack | undefined) => ReasonMessage | null;

const message = (name: string, values: Record<string, string> = {}): ReasonMessage => ({
  key: `recommend.reason.${name}`,
  values,
});

/** Said when a reason lacks the field its sentence needs (the contract makes them optional). */
const FALLBACK = message('fallback');

/**
 * One sentence per kind of the contract. The mapped type makes a kind added to the server's
 * schema a type error here until it has its words.
 */
const WORDING: { readonly [K in ReasonKind]: Wording } = {
  looped: (r) => (r.track ? message('looped', { title: r.track.title }) : null),
  liked: (r) => (r.track ? message('liked', { title: r.track.title }) : null),
  similar_to: (r) => (r.track ? message('similarTo', { title: r.track.title }) : null),
  popular_with_listeners_of: (r) =>
    r.artist ? message('popularWithListenersOf', { artist: r.artist.name }) : null,
  new_from_artist: (r) => (r.artist ? message('newFromArtist', { artist: r.artist.name }) : null),
  popular_in_genre: (r, track) =>
    r.genre ? message('popularInGenre', { genre: genreLabel(r.genre, track) }) : null,
  discovery: (_r, track) => {
    const artist = track?.artists[0]?.name;
    return artist ? message('discoveryArtist', { artist }) : message('discovery');
  },
};

export const REASON_KINDS = Object.keys(WORDING) as ReasonKind[];

/** The sentence for why a track was recommended ("因为你单曲循环了《晴天》"). */
export function reasonMessage(reason: RecommendationReason, track?: ReasonTrack): ReasonMessage {
  return WORDING[reason.kind]?.(reason, track) ?? FALLBACK;
}

/**
 * The server sends genres lower-cased; the track's own tag has the usual spelling ("Lo-fi Hip
 * Hop"), else each word gets a capital.
 */
function genreLabel(genre: string, track: ReasonTrack | undefined): string {
  if (track?.genre && track.genre.trim().toLowerCase() === genre) return track.genre.trim();
  return genre.replace(
    /(^|\s)(\p{Ll})/gu,
    (_m, space: string, letter: string) => space + letter.toUpperCase(),
  );
}
