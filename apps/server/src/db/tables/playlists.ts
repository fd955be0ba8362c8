import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** bigint comes back from pg as a string */
type BigCount = ColumnType<string, number | string | undefined, number | string>;

export type PlaylistVisibility = 'public' | 'private';

export interface PlaylistsTable {
  id: Generated<string>;
  ownerId: string;
  name: string;
  description: Generated<string>;
  visibility: Generated<PlaylistVisibility>;
  tags: Generated<string[]>;
  coverId: string | null;
  trackCount: Generated<number>;
  durationMs: BigCount;
  playCount: BigCount;
  subscriberCount: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface PlaylistTracksTable {
  playlistId: string;
  trackId: string;
  position: number;
  addedAt: CreatedAt;
}

export interface PlaylistSubscriptionsTable {
  playlistId: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface PlaylistTables {
  playlists: PlaylistsTable;
  playlistTracks: PlaylistTracksTable;
  playlistSubscriptions: PlaylistSubscriptionsTable;
}
