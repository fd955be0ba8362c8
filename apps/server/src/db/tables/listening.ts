import type { ColumnType, Generated } from 'kysely';

/** Tables of the annotations, listening and charts modules (see migration 20261123010000_listening). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type OptionalTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** bigint: the pg type parser of db/database.ts reads int8 as a number */
type BigCount = ColumnType<number, number | string, number | string>;

export type ListeningEventType = 'start' | 'progress' | 'end';
export type EndReason = 'finished' | 'skipped' | 'interrupted';
export type SourceType =
  | 'album'
  | 'playlist'
  | 'artist'
  | 'search'
  | 'daily'
  | 'fm'
  | 'share'
  | 'likes'
  | 'history'
  | 'chart'
  | 'library'
  | 'other';
export type AnnotationItemType = 'track' | 'album' | 'artist' | 'playlist';
export type ChartName = 'hot' | 'new' | 'rising' | 'original';

export interface ListeningEventsTable {
  id: string;
  userId: string;
  playbackId: string;
  type: ListeningEventType;
  trackId: string;
  at: Timestamp;
  positionMs: number;
  playedMs: number;
  endReason: EndReason | null;
  repeat: boolean;
  sourceType: SourceType;
  sourceId: string | null;
  client: string | null;
  receivedAt: Timestamp;
}

export interface PlaysTable {
  playbackId: string;
  userId: string;
  trackId: string;
  startedAt: Timestamp;
  lastEventAt: Timestamp;
  playedMs: number;
  countAfterMs: number;
  endReason: EndReason | null;
  endPositionMs: number | null;
  endedAt: OptionalTimestamp;
  repeat: boolean;
  sourceType: SourceType;
  sourceId: string | null;
  client: string | null;
  counted: Generated<boolean>;
  countedAt: OptionalTimestamp;
}

export interface AnnotationsTable {
  userId: string;
  itemType: AnnotationItemType;
  itemId: string;
  likedAt: OptionalTimestamp;
  playCount: Generated<number>;
  lastPlayedAt: OptionalTimestamp;
}

export interface FeedbackEventsTable {
  id: Generated<number>;
  userId: string;
  trackId: string;
  kind: 'like' | 'unlike';
  at: Timestamp;
}

export interface ListeningSettingsTable {
  userId: string;
  rankingHidden: Generated<boolean>;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TrackPlayCountsTable {
  trackId: string;
  playCount: BigCount;
  lastPlayedAt: Timestamp;
}

export interface TrackDailyPlaysTable {
  /** a date; read back as a Date at UTC midnight */
  day: ColumnType<Date, string, string>;
  trackId: string;
  plays: number;
}

export interface ChartSnapshotsTable {
  chart: ChartName;
  refreshedAt: Timestamp;
  available: boolean;
}

export interface ChartEntriesTable {
  chart: ChartName;
  refreshedAt: Timestamp;
  rank: number;
  trackId: string;
  score: number;
  previousRank: number | null;
}

export interface ListeningTables {
  listeningEvents: ListeningEventsTable;
  plays: PlaysTable;
  annotations: AnnotationsTable;
  feedbackEvents: FeedbackEventsTable;
  listeningSettings: ListeningSettingsTable;
  trackPlayCounts: TrackPlayCountsTable;
  trackDailyPlays: TrackDailyPlaysTable;
  chartSnapshots: ChartSnapshotsTable;
  chartEntries: ChartEntriesTable;
}
