import type { Db } from '../../db/database.ts';
import type { PlaylistVisibility } from '../../db/tables/playlists.ts';
import { canViewPlaylist } from './playlist.policy.ts';

export interface PlaylistAccessRow {
  id: string;
  ownerId: string;
  name: string;
  visibility: PlaylistVisibility;
}

/**
 * The one question other modules (comments, notifications, search, charts) ask about a
 * playlist: may this viewer see it? A playlist the viewer may not see is reported as missing,
 * so callers answer 404 and never reveal that a private playlist exists.
 */
export class PlaylistAccessRepository {
  constructor(private readonly db: Db) {}

  async findVisible(viewerId: string | null, playlistId: string): Promise<PlaylistAccessRow | undefined> {
    const row = await this.db
      .selectFrom('playlists')
      .select(['id', 'ownerId', 'name', 'visibility'])
      .where('id', '=', playlistId)
      .executeTakeFirst();
    return row && canViewPlaylist(viewerId, row) ? row : undefined;
  }

  /** The subset of `playlistIds` the viewer may see, for filtering lists in one query. */
  async visibleIds(viewerId: string | null, playlistIds: readonly string[]): Promise<Set<string>> {
    if (playlistIds.length === 0) return new Set();
    let query = this.db.selectFrom('playlists').select('id').where('id', 'in', playlistIds);
    query = viewerId
      ? query.where((eb) => eb.or([eb('visibility', '=', 'public'), eb('ownerId', '=', viewerId)]))
      : query.where('visibility', '=', 'public');
    const rows = await query.execute();
    return new Set(rows.map((row) => row.id));
  }
}
