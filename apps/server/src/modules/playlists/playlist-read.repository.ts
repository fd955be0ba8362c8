import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { PlaylistVisibility } from '../../db/tables/playlists.ts';
import { timestampKey } from '../library/browse/keyset.ts';
import { QUALITY_GRACE_DAYS, QUALITY_MIN_SUBSCRIBERS } from './playlist-ranking.ts';

/** A playlist as every response shows it, for one viewer. */
export interface PlaylistRow {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  visibility: PlaylistVisibility;
  tags: string[];
  coverId: string | null;
  coverUploaded: boolean;
  trackCount: number;
  durationMs: number;
  playCount: number;
  subscriberCount: number;
  createdAt: Date;
  updatedAt: Date;
  ownerUsername: string;
  ownerNickname: string;
  ownerAvatarId: string | null;
  /** whether the viewer subscribed to it */
  subscribed: boolean;
}

/** A row of a page, with the sort key its cursor carries. */
export type SortedRow = PlaylistRow & { sortKey: number | string };

export type SquareSort = 'hot' | 'new' | 'quality';

export interface SquareQuery {
  sort: SquareSort;
  tag: string | null;
  /** the moment quality is measured at: fixed for every page of one listing */
  asOf: Date;
  /** (sort key, id) of the last row shown */
  after: { key: number | string; id: string } | null;
  limit: number;
}

export interface ListPage {
  rows: SortedRow[];
  hasMore: boolean;
}

type PlaylistScope = ExpressionBuilder<Database & { p: Database['playlists'] }, 'p'>;

/**
 * Who may see a row: the SQL twin of canViewPlaylist (playlist.policy.ts), so private lists of
 * others never reach a list, a count or a page.
 */
function visibleTo(viewerId: string) {
  return (eb: PlaylistScope) => eb.or([eb('p.visibility', '=', 'public'), eb('p.ownerId', '=', viewerId)]);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Q of playlist-ranking.ts qualityScore, in float8 so page boundaries compare exactly. */
function qualitySql(asOf: Date): RawBuilder<number> {
  return sql<number>`(p.subscriber_count::float8 / (greatest(0::float8,
    extract(epoch from (${asOf.toISOString()}::timestamptz - p.created_at))::float8 * 1000) / ${DAY_MS}::float8
    + ${QUALITY_GRACE_DAYS}::float8))`;
}

function page(rows: SortedRow[], limit: number): ListPage {
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Reads of playlists as the viewer sees them: one by id, the square, a user's lists. */
export class PlaylistReadRepository {
  constructor(private readonly db: Db) {}

  private view(viewerId: string) {
    return this.db
      .selectFrom('playlists as p')
      .innerJoin('users as u', 'u.id', 'p.ownerId')
      .select([
        'p.id',
        'p.ownerId',
        'p.name',
        'p.description',
        'p.visibility',
        'p.tags',
        'p.coverId',
        'p.coverUploaded',
        'p.trackCount',
        sql<number>`p.duration_ms::float8`.as('durationMs'),
        sql<number>`p.play_count::float8`.as('playCount'),
        'p.subscriberCount',
        'p.createdAt',
        'p.updatedAt',
        'u.username as ownerUsername',
        'u.nickname as ownerNickname',
        'u.avatarId as ownerAvatarId',
        sql<boolean>`exists (select 1 from playlist_subscriptions s
          where s.playlist_id = p.id and s.user_id = ${viewerId}::uuid)`.as('subscribed'),
      ]);
  }

  /** The playlist if it exists; visibility is the caller's policy check. */
  find(id: string, viewerId: string): Promise<PlaylistRow | undefined> {
    return this.view(viewerId).where('p.id', '=', id).executeTakeFirst();
  }

  /**
   * Public playlists with at least one track: an empty list has nothing to offer the square.
   * hot and new walk their partial indexes; quality is computed for the candidates, which
   * the subscriber minimum keeps to lists someone collected.
   */
  async square(viewerId: string, query: SquareQuery): Promise<ListPage> {
    const key: RawBuilder<number | string> =
      query.sort === 'hot'
        ? sql<number>`p.hot_score`
        : query.sort === 'new'
          ? timestampKey(sql`p.created_at`)
          : qualitySql(query.asOf);
    const compared =
      query.sort === 'hot'
        ? sql`p.hot_score`
        : query.sort === 'new'
          ? sql`p.created_at`
          : qualitySql(query.asOf);
    const cast = sql.raw(query.sort === 'new' ? 'timestamptz' : 'float8');
    let builder = this.view(viewerId)
      .select(key.as('sortKey'))
      .where('p.visibility', '=', 'public')
      .where('p.trackCount', '>', 0);
    if (query.tag !== null) builder = builder.where(sql<boolean>`p.tags @> array[${query.tag}]::text[]`);
    if (query.sort === 'quality') {
      builder = builder.where('p.subscriberCount', '>=', QUALITY_MIN_SUBSCRIBERS);
    }
    if (query.after) {
      const { key: lastKey, id } = query.after;
      builder = builder.where(
        sql<boolean>`(${compared}, p.id) < (cast(${lastKey} as ${cast}), cast(${id} as uuid))`,
      );
    }
    const rows = await builder
      .orderBy(sql`${compared} desc, p.id desc`)
      .limit(query.limit + 1)
      .execute();
    return page(rows, query.limit);
  }

  /** Playlists `ownerId` made that the viewer may see, newest first. */
  async createdBy(
    ownerId: string,
    viewerId: string,
    after: { key: string; id: string } | null,
    limit: number,
  ): Promise<ListPage> {
    let builder = this.view(viewerId)
      .select(timestampKey(sql`p.created_at`).as('sortKey'))
      .where('p.ownerId', '=', ownerId)
      .where(visibleTo(viewerId));
    if (after) {
      builder = builder.where(
        sql<boolean>`(p.created_at, p.id) < (${after.key}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await builder
      .orderBy('p.createdAt', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit + 1)
      .execute();
    return page(rows, limit);
  }

  /** Playlists `userId` subscribed to that the viewer may see, most recently collected first. */
  async subscribedBy(
    userId: string,
    viewerId: string,
    after: { key: string; id: string } | null,
    limit: number,
  ): Promise<ListPage> {
    let builder = this.view(viewerId)
      .innerJoin('playlistSubscriptions as sub', 'sub.playlistId', 'p.id')
      .select(timestampKey(sql`sub.created_at`).as('sortKey'))
      .where('sub.userId', '=', userId)
      .where(visibleTo(viewerId));
    if (after) {
      builder = builder.where(
        sql<boolean>`(sub.created_at, sub.playlist_id) < (${after.key}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await builder
      .orderBy('sub.createdAt', 'desc')
      .orderBy('sub.playlistId', 'desc')
      .limit(limit + 1)
      .execute();
    return page(rows, limit);
  }

  /** How many playlists of each kind of `userId` the viewer may see. */
  async totals(userId: string, viewerId: string): Promise<{ created: number; subscribed: number }> {
    const [created, subscribed] = await Promise.all([
      this.db
        .selectFrom('playlists as p')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.ownerId', '=', userId)
        .where(visibleTo(viewerId))
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('playlistSubscriptions as sub')
        .innerJoin('playlists as p', 'p.id', 'sub.playlistId')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sub.userId', '=', userId)
        .where(visibleTo(viewerId))
        .executeTakeFirstOrThrow(),
    ]);
    return { created: Number(created.n), subscribed: Number(subscribed.n) };
  }

  async userExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }
}
