import { badRequest } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUuid } from '../library/browse/cursor.ts';
import { assertPlaylistId, authorize } from './playlist-guard.ts';
import { positionForMove, positionsForInsert } from './playlist-placement.ts';
import { MAX_INSERT } from './playlist-positions.ts';
import type { PlaylistTrackRepository } from './playlist-track.repository.ts';

/** A playlist holds at most this many tracks. */
export const MAX_PLAYLIST_TRACKS = 10_000;
/** Track ids per add or remove request. */
export const MAX_TRACK_IDS = MAX_INSERT;

export interface Counts {
  trackCount: number;
  durationMs: number;
}

export interface AddResult extends Counts {
  /** in the order they now appear */
  added: string[];
  /** already in the playlist, left where they were */
  skipped: string[];
}

export interface RemoveResult extends Counts {
  removed: string[];
}

/** Each id once, in the order given; UUIDs compare case-insensitively. */
const distinctIds = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

const notInPlaylist = (ids: string[]) =>
  badRequest('track_not_in_playlist', `Not in this playlist: ${ids.join(', ')}`);

/**
 * Adding, removing and dragging tracks. Every edit runs under the playlist's row lock, so two
 * tabs editing one list cannot interleave. After a change `onChanged` runs (it refreshes the
 * automatic cover); its failure never undoes the committed edit.
 */
export class PlaylistTrackService {
  constructor(
    private readonly tracks: PlaylistTrackRepository,
    private readonly clock: Clock,
    private readonly onChanged: (playlistId: string) => Promise<void>,
  ) {}

  /**
   * Adds tracks before the one at `position` (0-based; default and past the end: append).
   * Duplicates within the request and tracks already in the list are skipped; an unknown
   * track fails the whole request, naming every unknown id.
   */
  async add(viewerId: string, playlistId: string, trackIds: string[], position?: number): Promise<AddResult> {
    assertPlaylistId(playlistId);
    const ids = distinctIds(trackIds);
    if (ids.length === 0 || ids.length > MAX_TRACK_IDS) {
      throw badRequest('invalid_track_ids', `Send 1 to ${MAX_TRACK_IDS} track ids`);
    }
    const result = await this.tracks.edit(playlistId, async (list) => {
      authorize(viewerId, 'update', list?.facts);
      // A malformed id names no track: reported like an unknown one, and never cast in SQL.
      const known = await list.knownTracks(ids.filter(isUuid));
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) throw badRequest('track_not_found', `No such track: ${missing.join(', ')}`);
      const present = await list.present(ids);
      const added = ids.filter((id) => !present.has(id));
      const skipped = ids.filter((id) => present.has(id));
      const count = list.facts.trackCount;
      if (count + added.length > MAX_PLAYLIST_TRACKS) {
        throw badRequest(
          'playlist_full',
          `A playlist holds at most ${MAX_PLAYLIST_TRACKS} tracks; this one has ${count}, room for ${MAX_PLAYLIST_TRACKS - count}`,
        );
      }
      if (added.length > 0) {
        const positions = await positionsForInsert(list, position ?? count, count, added.length);
        const at = this.clock.now();
        await list.insert(added, positions, at);
        await list.touch(at);
      }
      return { added, skipped, ...(await list.counts()) };
    });
    if (result.added.length > 0) await this.onChanged(playlistId);
    return result;
  }

  /** Removes the tracks that are in the list; ids that are not are ignored (a retry is safe). */
  async remove(viewerId: string, playlistId: string, trackIds: string[]): Promise<RemoveResult> {
    assertPlaylistId(playlistId);
    const ids = distinctIds(trackIds).filter(isUuid);
    const result = await this.tracks.edit(playlistId, async (list) => {
      authorize(viewerId, 'update', list?.facts);
      const removed = await list.remove(ids);
      if (removed.length > 0) await list.touch(this.clock.now());
      return { removed, ...(await list.counts()) };
    });
    if (result.removed.length > 0) await this.onChanged(playlistId);
    return result;
  }

  /** A drag: puts `trackId` right after `afterTrackId`, or at the top when that is null. */
  async move(
    viewerId: string,
    playlistId: string,
    trackId: string,
    afterTrackId: string | null,
  ): Promise<Counts> {
    assertPlaylistId(playlistId);
    const moving = trackId.toLowerCase();
    const anchorId = afterTrackId?.toLowerCase() ?? null;
    const result = await this.tracks.edit(playlistId, async (list) => {
      authorize(viewerId, 'update', list?.facts);
      const named = [moving, ...(anchorId ? [anchorId] : [])];
      const present = await list.present(named.filter(isUuid));
      const absent = named.filter((id) => !present.has(id));
      if (absent.length > 0) throw notInPlaylist(absent);
      if (anchorId === moving) return { moved: false, ...(await list.counts()) };
      await list.setPosition(moving, await positionForMove(list, moving, anchorId));
      await list.touch(this.clock.now());
      return { moved: true, ...(await list.counts()) };
    });
    if (result.moved) await this.onChanged(playlistId);
    return { trackCount: result.trackCount, durationMs: result.durationMs };
  }
}
