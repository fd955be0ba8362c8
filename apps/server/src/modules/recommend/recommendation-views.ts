import type { TrackRow } from '../library/browse/browse.repository.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';
import type { Reason, ReasonKind } from './reason.ts';
import type { TasteRepository } from './taste.repository.ts';

/** A reason with today's titles and names, ready to present. */
export interface ReasonView {
  kind: ReasonKind;
  track?: { id: string; title: string };
  artist?: { id: string; name: string };
  genre?: string;
}

export interface Recommended {
  track: TrackRow;
  reason: ReasonView;
}

/**
 * Recommendations as they are shown: the track in the library's shape and the reason with the
 * titles and names it mentions. One query for every track (recommended and mentioned) and, only
 * when a mentioned artist is credited on none of them, one for artist names.
 */
export class RecommendationViews {
  constructor(
    private readonly tracks: Pick<TrackLoader, 'byIds'>,
    private readonly names: Pick<TasteRepository, 'artistNames'>,
  ) {}

  /** In order; entries whose track left the library are dropped. */
  async load(entries: readonly { trackId: string; reason: Reason }[]): Promise<Recommended[]> {
    const rows = await this.tracks.byIds([
      ...entries.map((e) => e.trackId),
      ...entries.flatMap((e) => (e.reason.trackId ? [e.reason.trackId] : [])),
    ]);
    const artistNames = new Map<string, string>();
    for (const row of rows.values())
      for (const artist of row.artists) artistNames.set(artist.id, artist.name);
    const unknown = entries.flatMap((e) =>
      e.reason.artistId && !artistNames.has(e.reason.artistId) ? [e.reason.artistId] : [],
    );
    for (const artist of await this.names.artistNames([...new Set(unknown)]))
      artistNames.set(artist.id, artist.name);

    return entries.flatMap((entry) => {
      const track = rows.get(entry.trackId);
      return track ? [{ track, reason: present(entry.reason, rows, artistNames) }] : [];
    });
  }
}

function present(
  reason: Reason,
  tracks: Map<string, TrackRow>,
  artistNames: Map<string, string>,
): ReasonView {
  const view: ReasonView = { kind: reason.kind };
  if (reason.trackId) {
    const track = tracks.get(reason.trackId);
    // A reason whose track is gone says less rather than naming nothing.
    if (!track) return { kind: 'discovery' };
    view.track = { id: track.id, title: track.title };
  }
  if (reason.artistId) {
    const name = artistNames.get(reason.artistId);
    if (name === undefined) return { kind: 'discovery' };
    view.artist = { id: reason.artistId, name };
  }
  if (reason.genre) view.genre = reason.genre;
  return view;
}
