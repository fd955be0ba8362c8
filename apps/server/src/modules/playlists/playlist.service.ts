import { badRequest } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PlaylistVisibility } from '../../db/tables/playlists.ts';
import { encodeCursor, readCursor } from './playlist-cursor.ts';
import { assertPlaylistId, authorize } from './playlist-guard.ts';
import { initialHotScore } from './playlist-ranking.ts';
import type { PlaylistReadRepository, PlaylistRow } from './playlist-read.repository.ts';
import { checkTags } from './playlist-tags.ts';
import type { PlaylistTrackRepository, PlaylistTrackRow } from './playlist-track.repository.ts';
import type { PlaylistChanges, PlaylistRepository } from './playlist.repository.ts';

export interface NewPlaylistInput {
  name: string;
  description?: string;
  visibility?: PlaylistVisibility;
  tags?: string[];
}

export interface TrackPageInput {
  limit: number;
  cursor?: string;
}

export interface PlaylistDetail {
  playlist: PlaylistRow;
  tracks: PlaylistTrackRow[];
  nextCursor: string | null;
}

/** The tracks page cursor belongs to one playlist: (position, track id) of the last row. */
const trackCursorKind = (playlistId: string) => `tracks:${playlistId}`;

function tagsOrThrow(tags: string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined;
  const checked = checkTags(tags);
  if (!checked.ok) throw badRequest(checked.code, checked.message);
  return checked.tags;
}

/** Playlists themselves: create, open (with a page of tracks), edit, delete. */
export class PlaylistService {
  constructor(
    private readonly playlists: PlaylistRepository,
    private readonly reads: PlaylistReadRepository,
    private readonly tracks: PlaylistTrackRepository,
    private readonly clock: Clock,
  ) {}

  async create(ownerId: string, input: NewPlaylistInput): Promise<PlaylistRow> {
    const at = this.clock.now();
    const id = await this.playlists.create({
      ownerId,
      name: input.name,
      description: input.description ?? '',
      visibility: input.visibility ?? 'public',
      tags: tagsOrThrow(input.tags) ?? [],
      hotScore: initialHotScore(at),
      at,
    });
    return this.view(ownerId, id);
  }

  /** The playlist as the viewer sees it; 404 when it is missing or private to someone else. */
  async view(viewerId: string, id: string): Promise<PlaylistRow> {
    assertPlaylistId(id);
    const playlist = await this.reads.find(id, viewerId);
    authorize(viewerId, 'view', playlist);
    return playlist;
  }

  /**
   * The playlist and one page of its tracks in order. The count comes from the row (kept
   * exact by triggers), the page from a keyset on the order index: both constant-time in the
   * length of the list.
   */
  async open(viewerId: string, id: string, page: TrackPageInput): Promise<PlaylistDetail> {
    assertPlaylistId(id);
    const cursor = readCursor(page.cursor, trackCursorKind(id), ['number', 'uuid'] as const);
    const after = cursor && { position: cursor[0], trackId: cursor[1] };
    // Both at once: the page is thrown away unless the policy allows the viewer to see it.
    const [playlist, tracks] = await Promise.all([
      this.reads.find(id, viewerId),
      this.tracks.page(id, after, page.limit),
    ]);
    authorize(viewerId, 'view', playlist);
    const last = tracks.rows.at(-1);
    const nextCursor =
      tracks.hasMore && last ? encodeCursor(trackCursorKind(id), [last.position, last.id]) : null;
    return { playlist, tracks: tracks.rows, nextCursor };
  }

  async update(viewerId: string, id: string, changes: PlaylistChanges): Promise<PlaylistRow> {
    assertPlaylistId(id);
    authorize(viewerId, 'update', await this.playlists.facts(id));
    const tags = tagsOrThrow(changes.tags);
    await this.playlists.update(id, { ...changes, ...(tags ? { tags } : {}) }, this.clock.now());
    return this.view(viewerId, id);
  }

  async delete(viewerId: string, id: string): Promise<void> {
    assertPlaylistId(id);
    authorize(viewerId, 'delete', await this.playlists.facts(id));
    await this.playlists.delete(id);
  }
}
