import type { AlbumRow, BrowseRepository, TrackRow } from '../library/browse/browse.repository.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import { cursorAt, readCursor } from '../annotations/newest-first-page.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';
import type { HistoryItemType, HistoryRepository, HistoryRow, PlaylistCard } from './history.repository.ts';

export type HistoryKind = 'tracks' | 'albums' | 'playlists';

export type HistoryItem =
  | { kind: 'track'; playedAt: Date; track: TrackRow }
  | { kind: 'album'; playedAt: Date; album: AlbumRow }
  | { kind: 'playlist'; playedAt: Date; playlist: PlaylistCard };

export interface HistoryPage {
  items: HistoryItem[];
  nextCursor: string | null;
}

const itemTypes: Record<HistoryKind, HistoryItemType> = {
  tracks: 'track',
  albums: 'album',
  playlists: 'playlist',
};

/** Rounds of reading past hidden entries before a short page is returned (its cursor goes on). */
const MAX_ROUNDS = 5;

/** The caller's recently played tracks, albums and playlists, each once, most recent first. */
export class HistoryService {
  constructor(
    private readonly history: HistoryRepository,
    private readonly tracks: TrackLoader,
    private readonly catalog: Pick<BrowseRepository, 'findAlbum'>,
    private readonly playlistAccess: Pick<PlaylistAccessRepository, 'visibleIds'>,
  ) {}

  async list(
    userId: string,
    input: { kind: HistoryKind; cursor?: string; limit: number },
  ): Promise<HistoryPage> {
    const itemType = itemTypes[input.kind];
    const list = `history-${itemType}:desc`;
    let from = readCursor(input.cursor, list);
    const items: HistoryItem[] = [];
    let last: HistoryRow | undefined;
    let more = true;
    for (let round = 0; round < MAX_ROUNDS && more && items.length < input.limit; round++) {
      const wanted = input.limit - items.length;
      const rows = await this.history.recent(userId, itemType, from, wanted);
      more = rows.length > wanted;
      const shown = rows.slice(0, wanted);
      items.push(...(await this.present(userId, itemType, shown)));
      last = shown[shown.length - 1] ?? last;
      if (last) from = { key: last.playedKey, id: last.itemId };
    }
    return {
      items,
      nextCursor: more && last ? cursorAt(list, { key: last.playedKey, id: last.itemId }) : null,
    };
  }

  private async present(
    userId: string,
    itemType: HistoryItemType,
    rows: HistoryRow[],
  ): Promise<HistoryItem[]> {
    switch (itemType) {
      case 'track': {
        const withTracks = await this.tracks.attach(rows.map((row) => ({ ...row, trackId: row.itemId })));
        return withTracks.map((row) => ({ kind: 'track', playedAt: row.lastPlayedAt, track: row.track }));
      }
      case 'album': {
        const albums = await Promise.all(rows.map((row) => this.catalog.findAlbum(row.itemId)));
        return rows.flatMap((row, i) => {
          const album = albums[i];
          return album ? [{ kind: 'album' as const, playedAt: row.lastPlayedAt, album }] : [];
        });
      }
      case 'playlist': {
        // A playlist made private (or deleted) since it was played drops out of the history
        // of everyone but its owner.
        const visible = await this.playlistAccess.visibleIds(
          userId,
          rows.map((row) => row.itemId),
        );
        const cards = new Map(
          (await this.history.playlistCards([...visible])).map((card) => [card.id, card] as const),
        );
        return rows.flatMap((row) => {
          const playlist = cards.get(row.itemId);
          return playlist ? [{ kind: 'playlist' as const, playedAt: row.lastPlayedAt, playlist }] : [];
        });
      }
    }
  }
}
