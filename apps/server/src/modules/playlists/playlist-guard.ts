import { forbidden, notFound } from '../../http/errors.ts';
import { isUuid } from '../library/browse/cursor.ts';
import {
  canOnPlaylist,
  canViewPlaylist,
  type PlaylistAction,
  type PlaylistFacts,
} from './playlist.policy.ts';

export const playlistNotFound = () => notFound('playlist_not_found', 'No such playlist');

/** A path id that is not a UUID names nothing: a 404 like an unknown id, and never SQL. */
export function assertPlaylistId(id: string): void {
  if (!isUuid(id)) throw playlistNotFound();
}

/**
 * Throws unless the viewer may do `action`: 404 when the playlist is missing or hidden from
 * the viewer (a private list of someone else), 403 when they see it but may not do this.
 */
export function authorize<P extends PlaylistFacts>(
  viewerId: string,
  action: PlaylistAction,
  playlist: P | undefined,
): asserts playlist is P {
  if (!playlist || !canViewPlaylist(viewerId, playlist)) throw playlistNotFound();
  if (!canOnPlaylist(viewerId, action, playlist)) {
    throw forbidden(
      action === 'update' || action === 'delete' ? 'Only the owner may change this playlist' : undefined,
    );
  }
}
