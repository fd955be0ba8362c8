import type { BrowseRepository, TrackRow } from './browse.repository.ts';

/**
 * Tracks by id, in the row shape the library's track presenter takes, so playlists, likes,
 * history, rankings and charts list tracks exactly as the library does. One query per call;
 * ids whose track is gone are skipped.
 */
export class TrackLoader {
  constructor(private readonly browse: Pick<BrowseRepository, 'findTracks'>) {}

  async byIds(ids: readonly string[]): Promise<Map<string, TrackRow>> {
    const rows = await this.browse.findTracks([...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** `items` with their track attached, in order; items whose track is gone are dropped. */
  async attach<T extends { trackId: string }>(items: readonly T[]): Promise<(T & { track: TrackRow })[]> {
    const tracks = await this.byIds(items.map((item) => item.trackId));
    return items.flatMap((item) => {
      const track = tracks.get(item.trackId);
      return track ? [{ ...item, track }] : [];
    });
  }
}
