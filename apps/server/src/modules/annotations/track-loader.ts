import type { BrowseRepository, TrackRow } from '../library/browse/browse.repository.ts';

/**
 * Tracks by id, in the row shape the library's track presenter takes, so likes, history,
 * rankings and charts list tracks exactly as the library does. Ids whose track is gone are
 * skipped.
 *
 * BrowseRepository reads one track per call; the lookups run concurrently over the pool. A
 * batch read there (`findTracks(ids)`, one query) would replace the fan-out without touching
 * callers.
 */
export class TrackLoader {
  constructor(private readonly browse: Pick<BrowseRepository, 'findTrack'>) {}

  async byIds(ids: readonly string[]): Promise<Map<string, TrackRow>> {
    const unique = [...new Set(ids)];
    const rows = await Promise.all(unique.map((id) => this.browse.findTrack(id)));
    const found = new Map<string, TrackRow>();
    for (const row of rows) if (row) found.set(row.id, row);
    return found;
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
