import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { TrackRow } from '../library/browse/browse.repository.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';
import type { OrderedRows, Place } from './playlist-placement.ts';
import { POSITION_STEP } from './playlist-positions.ts';
import type { PlaylistFactsRow } from './playlist.repository.ts';

export type PlaylistTrackRow = TrackRow & { position: number };

export interface TrackPage {
  rows: PlaylistTrackRow[];
  hasMore: boolean;
}

export interface LockedFacts extends PlaylistFactsRow {
  trackCount: number;
}

/**
 * One playlist's track rows inside a transaction that holds the playlist row FOR UPDATE, so
 * concurrent edits of one list run one after the other and the count read at the start
 * (kept exact by triggers) is still true at the end.
 */
export class LockedPlaylistTracks implements OrderedRows {
  constructor(
    private readonly tx: Transaction<Database>,
    readonly facts: LockedFacts,
  ) {}

  private get id(): string {
    return this.facts.id;
  }

  /** Which of these ids are tracks of the library. */
  async knownTracks(trackIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.tx
      .selectFrom('tracks')
      .select('id')
      .where('id', '=', sql<string>`any(${trackIds}::uuid[])`)
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Which of these ids are already in the list. */
  async present(trackIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.tx
      .selectFrom('playlistTracks')
      .select('trackId')
      .where('playlistId', '=', this.id)
      .where('trackId', '=', sql<string>`any(${trackIds}::uuid[])`)
      .execute();
    return new Set(rows.map((row) => row.trackId));
  }

  async place(trackId: string): Promise<Place | undefined> {
    return this.tx
      .selectFrom('playlistTracks')
      .select(['position', 'trackId'])
      .where('playlistId', '=', this.id)
      .where('trackId', '=', trackId)
      .executeTakeFirst();
  }

  /**
   * The positions of the tracks at `index - 1` and `index` (0-based), null past either end.
   * OFFSET walks the order index; a list has at most 10,000 rows, and only writes ask.
   */
  async neighboursAt(index: number): Promise<[number | null, number | null]> {
    if (index === 0) return [null, (await this.nextAfter(null, null)) ?? null];
    const rows = await this.tx
      .selectFrom('playlistTracks')
      .select('position')
      .where('playlistId', '=', this.id)
      .orderBy('position')
      .orderBy('trackId')
      .offset(index - 1)
      .limit(2)
      .execute();
    return [rows[0]?.position ?? null, rows[1]?.position ?? null];
  }

  /** The position of the first track after `from` (the top when null), skipping `skip`. */
  async nextAfter(from: Place | null, skip: string | null): Promise<number | undefined> {
    let query = this.tx
      .selectFrom('playlistTracks')
      .select('position')
      .where('playlistId', '=', this.id)
      .orderBy('position')
      .orderBy('trackId')
      .limit(1);
    if (from) {
      query = query.where(
        sql<boolean>`(position, track_id) > (${from.position}::float8, ${from.trackId}::uuid)`,
      );
    }
    if (skip) query = query.where('trackId', '<>', skip);
    return (await query.executeTakeFirst())?.position;
  }

  async last(): Promise<number | null> {
    const row = await this.tx
      .selectFrom('playlistTracks')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('playlistId', '=', this.id)
      .executeTakeFirst();
    return row?.position ?? null;
  }

  async insert(trackIds: readonly string[], positions: readonly number[], at: Date): Promise<void> {
    await sql`
      INSERT INTO playlist_tracks (playlist_id, track_id, position, added_at)
      SELECT ${this.id}::uuid, t.id, t.position, ${at}::timestamptz
      FROM unnest(${trackIds}::uuid[], ${positions}::float8[]) AS t(id, position)`.execute(this.tx);
  }

  async remove(trackIds: readonly string[]): Promise<string[]> {
    const rows = await this.tx
      .deleteFrom('playlistTracks')
      .where('playlistId', '=', this.id)
      .where('trackId', '=', sql<string>`any(${trackIds}::uuid[])`)
      .returning('trackId')
      .execute();
    return rows.map((row) => row.trackId);
  }

  async setPosition(trackId: string, position: number): Promise<void> {
    await this.tx
      .updateTable('playlistTracks')
      .set({ position })
      .where('playlistId', '=', this.id)
      .where('trackId', '=', trackId)
      .execute();
  }

  /** Rewrites the list to positions STEP, 2·STEP, … in its current order, in one statement. */
  async renumber(): Promise<void> {
    await sql`
      UPDATE playlist_tracks pt SET position = r.n * ${POSITION_STEP}::float8
      FROM (SELECT track_id, row_number() OVER (ORDER BY position, track_id) AS n
            FROM playlist_tracks WHERE playlist_id = ${this.id}::uuid) r
      WHERE pt.playlist_id = ${this.id}::uuid AND pt.track_id = r.track_id`.execute(this.tx);
  }

  async touch(at: Date): Promise<void> {
    await this.tx.updateTable('playlists').set({ updatedAt: at }).where('id', '=', this.id).execute();
  }

  /** The counts the triggers keep, as this transaction left them. */
  counts(): Promise<{ trackCount: number; durationMs: number }> {
    return this.tx
      .selectFrom('playlists')
      .select(['trackCount', sql<number>`duration_ms::float8`.as('durationMs')])
      .where('id', '=', this.id)
      .executeTakeFirstOrThrow();
  }
}

/** The tracks of a playlist: pages in order, and edits under the playlist's row lock. */
export class PlaylistTrackRepository {
  constructor(
    private readonly db: Db,
    private readonly catalog: TrackLoader,
  ) {}

  /**
   * One page of tracks in playlist order, as the library lists show them. A keyset on the
   * (playlist_id, position, track_id) index: the 200th page costs what the first does.
   */
  async page(playlistId: string, after: Place | null, limit: number): Promise<TrackPage> {
    let query = this.db
      .selectFrom('playlistTracks as pt')
      .select(['pt.position', 'pt.trackId'])
      .where('pt.playlistId', '=', playlistId);
    if (after) {
      query = query.where(
        sql<boolean>`(pt.position, pt.track_id) > (${after.position}::float8, ${after.trackId}::uuid)`,
      );
    }
    const places = await query
      .orderBy('pt.position')
      .orderBy('pt.trackId')
      .limit(limit + 1)
      .execute();
    // The rows themselves come from the library, so a playlist lists tracks as the library does.
    const tracks = await this.catalog.attach(places.slice(0, limit));
    return {
      rows: tracks.map(({ position, track }) => ({ ...track, position })),
      hasMore: places.length > limit,
    };
  }

  /**
   * Runs `work` in a transaction holding the playlist row FOR UPDATE; `work` gets undefined
   * when there is no such playlist (the caller decides between 404 and 403).
   */
  edit<T>(playlistId: string, work: (list: LockedPlaylistTracks | undefined) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (tx) => {
      const facts = await tx
        .selectFrom('playlists')
        .select(['id', 'ownerId', 'visibility', 'trackCount'])
        .where('id', '=', playlistId)
        .forUpdate()
        .executeTakeFirst();
      return work(facts && new LockedPlaylistTracks(tx, facts));
    });
  }
}
