import type { ColumnType, Generated } from 'kysely';
import type { CommentTables } from './tables/comments.ts';
import type { JobTables } from './tables/jobs.ts';
import type { ListeningTables } from './tables/listening.ts';
import type { PlaylistTables } from './tables/playlists.ts';
import type { RecommendTables } from './tables/recommend.ts';
import type { SharingTables } from './tables/sharing.ts';

/**
 * Row types of every table, camelCased by Kysely's CamelCasePlugin (columns are snake_case).
 * Keep in step with db/migrations. The tables of each later domain are typed in db/tables/.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'listener' | 'musician' | 'moderator' | 'admin';
export type Locale = 'zh-CN' | 'en';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  passwordHash: string;
  nickname: string;
  role: Generated<Role>;
  bio: Generated<string>;
  locale: Generated<Locale>;
  timeZone: Generated<string>;
  avatarId: string | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  tokenHash: Buffer;
  userId: string;
  csrfToken: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Date;
}

export interface LibraryFoldersTable {
  id: Generated<string>;
  path: string;
  createdAt: CreatedAt;
}

export interface CoversTable {
  id: string;
  mime: string;
  width: number;
  height: number;
  createdAt: CreatedAt;
}

export interface ArtistsTable {
  id: Generated<string>;
  name: string;
  nameKey: string;
  sortName: string;
  coverId: string | null;
  createdAt: CreatedAt;
}

export interface AlbumsTable {
  id: Generated<string>;
  title: string;
  titleKey: string;
  albumArtistId: string;
  year: number | null;
  genre: string | null;
  coverId: string | null;
  createdAt: CreatedAt;
}

export interface TracksTable {
  id: Generated<string>;
  folderId: string;
  path: string;
  /** bigint comes back from pg as a string */
  size: ColumnType<string, number | string, number | string>;
  mtimeMs: number;
  format: string;
  mime: string;
  title: string;
  titleKey: string;
  albumId: string | null;
  trackNo: number | null;
  trackTotal: number | null;
  discNo: number | null;
  year: number | null;
  genre: string | null;
  durationMs: number;
  bitrate: number | null;
  sampleRate: number | null;
  channels: number | null;
  codec: string | null;
  replaygainTrackGain: number | null;
  replaygainTrackPeak: number | null;
  replaygainAlbumGain: number | null;
  replaygainAlbumPeak: number | null;
  coverId: string | null;
  hasLyrics: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface TrackArtistsTable {
  trackId: string;
  artistId: string;
  position: number;
}

export interface LyricLine {
  timeMs: number | null;
  text: string;
}

export interface LyricsTable {
  trackId: string;
  /** '' for the original; a language tag such as 'en' or 'zh-CN' for a translation */
  lang: Generated<string>;
  isTranslation: Generated<boolean>;
  source: 'sidecar' | 'embedded';
  synced: boolean;
  lines: ColumnType<LyricLine[], string, string>;
}

export interface ScanError {
  path: string;
  message: string;
}

export interface ScanRunsTable {
  id: Generated<string>;
  status: 'running' | 'completed' | 'failed';
  trigger: string;
  startedAt: CreatedAt;
  finishedAt: Date | null;
  total: Generated<number>;
  processed: Generated<number>;
  added: Generated<number>;
  updated: Generated<number>;
  removed: Generated<number>;
  unchanged: Generated<number>;
  failed: Generated<number>;
  errors: ColumnType<ScanError[], string | undefined, string>;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: Timestamp;
}

export interface SearchDocumentsTable {
  kind: 'track' | 'album' | 'artist' | 'user';
  refId: string;
  title: string;
  subtitle: Generated<string>;
  folded: string;
  keys: Generated<string[]>;
  /** a tsvector; written as its text literal */
  tokens: string;
  popularity: Generated<number>;
  relatedIds: Generated<string[]>;
  updatedAt: Timestamp;
}

export interface Database
  extends PlaylistTables, ListeningTables, CommentTables, RecommendTables, JobTables, SharingTables {
  users: UsersTable;
  sessions: SessionsTable;
  libraryFolders: LibraryFoldersTable;
  covers: CoversTable;
  artists: ArtistsTable;
  albums: AlbumsTable;
  tracks: TracksTable;
  trackArtists: TrackArtistsTable;
  lyrics: LyricsTable;
  scanRuns: ScanRunsTable;
  settings: SettingsTable;
  searchDocuments: SearchDocumentsTable;
}
