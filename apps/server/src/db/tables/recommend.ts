import type { ColumnType, Generated } from 'kysely';

/** Tables of the recommend module (see migration 20261123040000_recommend). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** a date, written as 'YYYY-MM-DD'; the repositories read it back as text (`day::text`), not a Date */
type Day = ColumnType<Date, string, string>;
/** bigint: the pg type parser of db/database.ts reads int8 as a number */
type BigId = ColumnType<number, number | string, number | string>;
type Json<T> = ColumnType<T, string, string>;

export type RecommendModelKind = 'collaborative' | 'content';
export type FmMode = 'default' | 'familiar' | 'discovery';
export type TasteSeedKind = 'genre' | 'artist';

export interface RecommendModelsTable {
  id: Generated<number>;
  kind: RecommendModelKind;
  trainedAt: Timestamp;
  byteSize: BigId;
  meta: Json<Record<string, unknown>>;
}

export interface RecommendModelChunksTable {
  modelId: BigId;
  seq: number;
  data: Buffer;
}

export interface DailyListsTable {
  userId: string;
  day: Day;
  generatedAt: Timestamp;
  modelId: BigId | null;
  coldStart: boolean;
}

export interface DailyRecommendationsTable {
  userId: string;
  day: Day;
  trackId: string;
  position: number;
  /** a Reason (modules/recommend/reason.ts) */
  reason: Json<unknown>;
  dismissedAt: OptionalTimestamp;
}

export interface TrackTrashTable {
  userId: string;
  trackId: string;
  at: Timestamp;
}

export interface ArtistBlocksTable {
  userId: string;
  artistId: string;
  at: Timestamp;
}

export interface TasteSeedsTable {
  userId: string;
  kind: TasteSeedKind;
  /** a lower-cased genre, or an artist id */
  value: string;
}

export interface TasteProfilesTable {
  userId: string;
  resetAt: OptionalTimestamp;
  onboardedAt: OptionalTimestamp;
  fmMode: Generated<FmMode>;
  updatedAt: Timestamp;
}

export interface FmServedTable {
  userId: string;
  trackId: string;
  servedAt: Timestamp;
  mode: FmMode;
  reason: Json<unknown>;
}

export interface RecommendTables {
  recommendModels: RecommendModelsTable;
  recommendModelChunks: RecommendModelChunksTable;
  dailyLists: DailyListsTable;
  dailyRecommendations: DailyRecommendationsTable;
  trackTrash: TrackTrashTable;
  artistBlocks: ArtistBlocksTable;
  tasteSeeds: TasteSeedsTable;
  tasteProfiles: TasteProfilesTable;
  fmServed: FmServedTable;
}
