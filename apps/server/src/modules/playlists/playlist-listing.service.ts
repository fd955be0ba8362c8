import { badRequest, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUuid } from '../library/browse/cursor.ts';
import { encodeCursor, readCursor } from './playlist-cursor.ts';
import type {
  ListPage,
  PlaylistReadRepository,
  PlaylistRow,
  SquareSort,
} from './playlist-read.repository.ts';
import { isTagId } from './playlist-tags.ts';

export interface Listing {
  playlists: PlaylistRow[];
  nextCursor: string | null;
}

export interface SquareInput {
  tag?: string;
  sort: SquareSort;
  limit: number;
  cursor?: string;
}

export type UserListKind = 'created' | 'subscribed';

/** What the "add to playlist" menu and the sidebar list; more than anyone keeps is cut off. */
export const MAX_OWN_PLAYLISTS = 1000;

const userNotFound = () => notFound('user_not_found', 'No such user');

function listing(
  page: ListPage,
  cursorOf: (last: ListPage['rows'][number]) => (string | number)[],
  kind: string,
) {
  const last = page.rows.at(-1);
  return {
    playlists: page.rows,
    nextCursor: page.hasMore && last ? encodeCursor(kind, cursorOf(last)) : null,
  };
}

/** Lists of playlists: the square, a user's created and subscribed lists, the caller's own. */
export class PlaylistListingService {
  constructor(
    private readonly reads: PlaylistReadRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Public playlists by tag, sorted hot, new or quality. A quality listing is measured at
   * one moment (carried in its cursor) so its pages agree with each other.
   */
  async square(viewerId: string, input: SquareInput): Promise<Listing> {
    if (input.tag !== undefined && !isTagId(input.tag)) {
      throw badRequest('unknown_tag', `Unknown tag: ${input.tag}`);
    }
    const tag = input.tag ?? null;
    const kind = `square:${input.sort}:${tag ?? ''}`;
    if (input.sort === 'quality') {
      const cursor = readCursor(input.cursor, kind, ['number', 'number', 'uuid'] as const);
      const asOf = cursor ? new Date(cursor[0]) : this.clock.now();
      if (!Number.isFinite(asOf.getTime())) throw badRequest('invalid_cursor', 'The cursor is malformed');
      const page = await this.reads.square(viewerId, {
        sort: 'quality',
        tag,
        asOf,
        after: cursor && { key: cursor[1], id: cursor[2] },
        limit: input.limit,
      });
      return listing(page, (last) => [asOf.getTime(), last.sortKey, last.id], kind);
    }
    const cursor =
      input.sort === 'hot'
        ? readCursor(input.cursor, kind, ['number', 'uuid'] as const)
        : readCursor(input.cursor, kind, ['timestamp', 'uuid'] as const);
    const page = await this.reads.square(viewerId, {
      sort: input.sort,
      tag,
      asOf: this.clock.now(),
      after: cursor && { key: cursor[0], id: cursor[1] },
      limit: input.limit,
    });
    return listing(page, (last) => [last.sortKey, last.id], kind);
  }

  /**
   * A user's created or subscribed playlists as the viewer may see them; the total counts
   * only those too, so a private list of someone else leaves no trace.
   */
  async ofUser(
    viewerId: string,
    userId: string,
    input: { kind: UserListKind; limit: number; cursor?: string },
  ): Promise<Listing & { total: number }> {
    if (!isUuid(userId) || !(await this.reads.userExists(userId))) throw userNotFound();
    const kind = `${input.kind}:${userId}`;
    const cursor = readCursor(input.cursor, kind, ['timestamp', 'uuid'] as const);
    const after = cursor && { key: cursor[0], id: cursor[1] };
    const [page, totals] = await Promise.all([
      input.kind === 'created'
        ? this.reads.createdBy(userId, viewerId, after, input.limit)
        : this.reads.subscribedBy(userId, viewerId, after, input.limit),
      this.reads.totals(userId, viewerId),
    ]);
    return { ...listing(page, (last) => [last.sortKey, last.id], kind), total: totals[input.kind] };
  }

  /** The caller's own playlists (private ones too) and the ones they subscribed to. */
  async mine(userId: string): Promise<{ created: PlaylistRow[]; subscribed: PlaylistRow[] }> {
    const [created, subscribed] = await Promise.all([
      this.reads.createdBy(userId, userId, null, MAX_OWN_PLAYLISTS),
      this.reads.subscribedBy(userId, userId, null, MAX_OWN_PLAYLISTS),
    ]);
    return { created: created.rows, subscribed: subscribed.rows };
  }
}
