import type { ColumnType } from 'kysely';

/** Tables of the sharing module (see migration 20261123050000_sharing). */

/** Append-only: rows are written once and never updated. */
type SharedAt = ColumnType<Date, Date | string | undefined, never>;
/** bigint identity, always generated; the pg type parser of db/database.ts reads int8 as a number */
type BigId = ColumnType<number, never, never>;

export type ShareChannel = 'link' | 'system';

export interface TrackSharesTable {
  id: BigId;
  userId: string;
  trackId: string;
  channel: ShareChannel;
  sharedAt: SharedAt;
}

export interface SharingTables {
  trackShares: TrackSharesTable;
}
