import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** bigint: the pg type parser of db/database.ts reads int8 as a number */
type BigCount = ColumnType<number, number | string | undefined, number | string>;

export type PlaylistVisibility = 'public' | 'private';

export interface PlaylistsTable {
  id: Generated<string>;
  ownerId: string;
  name: string;
  description: Generated<string>;
  visibility: Generated<PlaylistVisibility>;
  tags: Generated<string[]>;
  coverId: string | null;
  /** true when coverId is an upload; false when it is the automatic cover (or none) */
  coverUploaded: Generated<boolean>;
  /** the cover ids the automatic cover was made from, first track first */
  coverSources: Generated<string[]>;
  /** kept exact by triggers on playlist_tracks (see the migration) */
  trackCount: Generated<number>;
  durationMs: BigCount;
  playCount: BigCount;
  /** kept exact by triggers on playlist_subscriptions */
  subscriberCount: Generated<number>;
  /** ln of exponentially decayed activity (modules/playlists/playlist-ranking.ts) */
  hotScore: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface PlaylistTracksTable {
  playlistId: string;
  trackId: string;
  position: number;
  /** a copy of the track's duration, written and kept in step by triggers */
  durationMs: Generated<number>;
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
