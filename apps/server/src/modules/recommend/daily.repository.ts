import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Reason } from './reason.ts';

export interface DailyListHead {
  day: string;
  generatedAt: Date;
  coldStart: boolean;
}

export interface DailyEntry {
  trackId: string;
  position: number;
  reason: Reason;
}

export interface NewDailyList {
  userId: string;
  day: string;
  generatedAt: Date;
  modelId: number | null;
  coldStart: boolean;
  entries: DailyEntry[];
}

const uuids = (ids: readonly string[]) => sql<string>`any(${[...ids]}::uuid[])`;
/** A 'YYYY-MM-DD' day as a date operand (the column reads back as a Date, see tables/recommend.ts). */
const date = (day: string) => sql<Date>`${day}::date`;

/**
 * Entries of a list, skipping tracks removed from the library since the model that picked them
 * was trained (the foreign key would otherwise fail the whole list).
 */
async function insertEntries(
  db: Db,
  userId: string,
  day: string,
  entries: readonly DailyEntry[],
): Promise<void> {
  await sql`
    INSERT INTO daily_recommendations (user_id, day, track_id, position, reason)
    SELECT ${userId}::uuid, ${day}::date, e.track_id, e.position, e.reason
    FROM unnest(${entries.map((e) => e.trackId)}::uuid[], ${entries.map((e) => e.position)}::int[],
      ${entries.map((e) => JSON.stringify(e.reason))}::jsonb[]) AS e(track_id, position, reason)
    WHERE EXISTS (SELECT 1 FROM tracks t WHERE t.id = e.track_id)`.execute(db);
}

/** The daily lists: one header row per (user, day), the entries, dismissals, and the job's queries. */
export class DailyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Stores a list unless one exists for that user and day: the header insert is the claim, so
   * concurrent makers (two instances, the job and a request) end up with exactly one list.
   */
  save(list: NewDailyList): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const claimed = await tx
        .insertInto('dailyLists')
        .values({
          userId: list.userId,
          day: list.day,
          generatedAt: list.generatedAt,
          modelId: list.modelId,
          coldStart: list.coldStart,
        })
        .onConflict((oc) => oc.columns(['userId', 'day']).doNothing())
        .returning('userId')
        .executeTakeFirst();
      if (!claimed) return false;
      if (list.entries.length > 0) await insertEntries(tx, list.userId, list.day, list.entries);
      return true;
    });
  }

  head(userId: string, day: string): Promise<DailyListHead | undefined> {
    return this.db
      .selectFrom('dailyLists')
      .select([sql<string>`day::text`.as('day'), 'generatedAt', 'coldStart'])
      .where('userId', '=', userId)
      .where('day', '=', date(day))
      .executeTakeFirst();
  }

  /** The live entries of a list, by position. */
  entries(userId: string, day: string): Promise<DailyEntry[]> {
    return this.db
      .selectFrom('dailyRecommendations')
      .select(['trackId', 'position', sql<Reason>`reason`.as('reason')])
      .where('userId', '=', userId)
      .where('day', '=', date(day))
      .where('dismissedAt', 'is', null)
      .orderBy('position')
      .execute();
  }

  /** Tracks of a user's lists from `fromDay` to `toDay` inclusive, dismissed ones included. */
  async shownBetween(
    userIds: readonly string[],
    fromDay: string,
    toDay: string,
  ): Promise<Map<string, Set<string>>> {
    const result = new Map(userIds.map((id) => [id, new Set<string>()]));
    if (userIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('dailyRecommendations')
      .select(['userId', 'trackId'])
      .where('userId', '=', uuids(userIds))
      .where('day', '>=', date(fromDay))
      .where('day', '<=', date(toDay))
      .execute();
    for (const row of rows) result.get(row.userId)?.add(row.trackId);
    return result;
  }

  /**
   * Dismisses `trackId` and puts `replacement` (if any) at its position, in one transaction
   * under the list's row lock. Returns 'missing' when the track is not live in the list,
   * 'conflict' when the replacement got into the list meanwhile (the caller picks again).
   */
  dismiss(
    userId: string,
    day: string,
    trackId: string,
    at: Date,
    replacement: Omit<DailyEntry, 'position'> | null,
  ): Promise<'done' | 'missing' | 'conflict'> {
    return this.db.transaction().execute(async (tx) => {
      const head = await tx
        .selectFrom('dailyLists')
        .select('userId')
        .where('userId', '=', userId)
        .where('day', '=', date(day))
        .forUpdate()
        .executeTakeFirst();
      if (!head) return 'missing';
      if (replacement) {
        const taken = await tx
          .selectFrom('dailyRecommendations')
          .select('trackId')
          .where('userId', '=', userId)
          .where('day', '=', date(day))
          .where('trackId', '=', replacement.trackId)
          .executeTakeFirst();
        if (taken) return 'conflict';
      }
      const dismissed = await tx
        .updateTable('dailyRecommendations')
        .set({ dismissedAt: at })
        .where('userId', '=', userId)
        .where('day', '=', date(day))
        .where('trackId', '=', trackId)
        .where('dismissedAt', 'is', null)
        .returning('position')
        .executeTakeFirst();
      if (!dismissed) return 'missing';
      if (replacement)
        await insertEntries(tx, userId, day, [{ ...replacement, position: dismissed.position }]);
      return 'done';
    });
  }

  /** Is the track in the list, and is it still live? */
  async status(userId: string, day: string, trackId: string): Promise<'live' | 'dismissed' | 'absent'> {
    const row = await this.db
      .selectFrom('dailyRecommendations')
      .select('dismissedAt')
      .where('userId', '=', userId)
      .where('day', '=', date(day))
      .where('trackId', '=', trackId)
      .executeTakeFirst();
    return !row ? 'absent' : row.dismissedAt ? 'dismissed' : 'live';
  }

  /** The reason a track had in a list. */
  async reasonFor(userId: string, day: string, trackId: string): Promise<Reason | undefined> {
    const row = await this.db
      .selectFrom('dailyRecommendations')
      .select(sql<Reason>`reason`.as('reason'))
      .where('userId', '=', userId)
      .where('day', '=', date(day))
      .where('trackId', '=', trackId)
      .executeTakeFirst();
    return row?.reason;
  }

  deleteList(userId: string, day: string): Promise<unknown> {
    return this.db
      .deleteFrom('dailyLists')
      .where('userId', '=', userId)
      .where('day', '=', date(day))
      .execute();
  }

  /** Deletes lists older than `beforeDay` (their entries go with them). */
  async prune(beforeDay: string): Promise<number> {
    const result = await this.db
      .deleteFrom('dailyLists')
      .where('day', '<', date(beforeDay))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The time zones users live in. */
  async timeZones(): Promise<string[]> {
    const rows = await this.db.selectFrom('users').select('timeZone').distinct().execute();
    return rows.map((row) => row.timeZone);
  }

  /**
   * Users of a zone without a list for `day`, in an order that differs per `shuffle` key, so two
   * instances working at once mostly take different users.
   */
  async usersWithoutList(timeZone: string, day: string, shuffle: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users as u')
      .select('u.id')
      .where('u.timeZone', '=', timeZone)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('dailyLists as d')
              .select('d.userId')
              .whereRef('d.userId', '=', 'u.id')
              .where('d.day', '=', date(day)),
          ),
        ),
      )
      .orderBy(sql`md5(u.id::text || ${shuffle})`)
      .execute();
    return rows.map((row) => row.id);
  }

  /** The subset of users that have a list for `day`. */
  async withList(userIds: readonly string[], day: string): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('dailyLists')
      .select('userId')
      .where('userId', '=', uuids(userIds))
      .where('day', '=', date(day))
      .execute();
    return new Set(rows.map((row) => row.userId));
  }
}
