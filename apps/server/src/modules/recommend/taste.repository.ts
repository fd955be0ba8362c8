import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FmMode } from '../../db/tables/recommend.ts';

export interface TasteProfile {
  resetAt: Date | null;
  onboardedAt: Date | null;
  fmMode: FmMode;
}

export interface GenreCount {
  genre: string;
  /** the spelling most tracks use */
  label: string;
  trackCount: number;
}

export interface ArtistChoice {
  id: string;
  name: string;
  coverId: string | null;
  trackCount: number;
}

export interface BlockedArtist {
  id: string;
  name: string;
  blockedAt: Date;
}

const genreOf = sql<string | null>`lower(trim(coalesce(t.genre, al.genre)))`;

/** The user's explicit controls: onboarding choices, taste reset, FM mode, the bin, blocked artists. */
export class TasteRepository {
  constructor(private readonly db: Db) {}

  async profile(userId: string): Promise<TasteProfile> {
    const row = await this.db
      .selectFrom('tasteProfiles')
      .select(['resetAt', 'onboardedAt', 'fmMode'])
      .where('userId', '=', userId)
      .executeTakeFirst();
    return row ?? { resetAt: null, onboardedAt: null, fmMode: 'default' };
  }

  async timeZoneOf(userId: string): Promise<string> {
    const row = await this.db
      .selectFrom('users')
      .select('timeZone')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.timeZone ?? 'UTC';
  }

  async seeds(userId: string): Promise<{ genres: string[]; artistIds: string[] }> {
    const rows = await this.db
      .selectFrom('tasteSeeds')
      .select(['kind', 'value'])
      .where('userId', '=', userId)
      .orderBy('value')
      .execute();
    return {
      genres: rows.filter((r) => r.kind === 'genre').map((r) => r.value),
      artistIds: rows.filter((r) => r.kind === 'artist').map((r) => r.value),
    };
  }

  /**
   * Saves onboarding choices (replacing the earlier ones, and marking the user onboarded) when
   * `seeds` is given, and the FM mode when given.
   */
  saveTaste(
    userId: string,
    seeds: { genres: string[]; artistIds: string[] } | null,
    fmMode: FmMode | undefined,
    at: Date,
  ): Promise<void> {
    return this.db.transaction().execute(async (tx) => {
      if (seeds) {
        await tx.deleteFrom('tasteSeeds').where('userId', '=', userId).execute();
        const rows = [
          ...seeds.genres.map((value) => ({ userId, kind: 'genre' as const, value })),
          ...seeds.artistIds.map((value) => ({ userId, kind: 'artist' as const, value })),
        ];
        if (rows.length > 0) await tx.insertInto('tasteSeeds').values(rows).execute();
      }
      const changes = { updatedAt: at, ...(seeds ? { onboardedAt: at } : {}), ...(fmMode ? { fmMode } : {}) };
      await tx
        .insertInto('tasteProfiles')
        .values({ userId, ...changes })
        .onConflict((oc) => oc.column('userId').doUpdateSet(changes))
        .execute();
    });
  }

  /** Starts the taste over: feedback before `at` is ignored, onboarding choices are forgotten. */
  reset(userId: string, at: Date): Promise<void> {
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('tasteSeeds').where('userId', '=', userId).execute();
      await tx
        .insertInto('tasteProfiles')
        .values({ userId, resetAt: at, onboardedAt: null, updatedAt: at })
        .onConflict((oc) =>
          oc.column('userId').doUpdateSet({ resetAt: at, onboardedAt: null, updatedAt: at }),
        )
        .execute();
    });
  }

  async trash(userId: string, trackId: string, at: Date): Promise<void> {
    // A second bin after liking it again renews the date, so the bin wins again.
    await this.db
      .insertInto('trackTrash')
      .values({ userId, trackId, at })
      .onConflict((oc) => oc.columns(['userId', 'trackId']).doUpdateSet({ at }))
      .execute();
  }

  async block(userId: string, artistId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('artistBlocks')
      .values({ userId, artistId, at })
      .onConflict((oc) => oc.columns(['userId', 'artistId']).doNothing())
      .execute();
  }

  async unblock(userId: string, artistId: string): Promise<void> {
    await this.db
      .deleteFrom('artistBlocks')
      .where('userId', '=', userId)
      .where('artistId', '=', artistId)
      .execute();
  }

  blocked(userId: string): Promise<BlockedArtist[]> {
    return this.db
      .selectFrom('artistBlocks as b')
      .innerJoin('artists as a', 'a.id', 'b.artistId')
      .select(['a.id', 'a.name', 'b.at as blockedAt'])
      .where('b.userId', '=', userId)
      .orderBy('b.at', 'desc')
      .orderBy('a.id')
      .execute();
  }

  async trackExists(trackId: string): Promise<boolean> {
    return (
      (await this.db.selectFrom('tracks').select('id').where('id', '=', trackId).executeTakeFirst()) !==
      undefined
    );
  }

  /** The subset of the ids naming an artist. */
  async existingArtists(artistIds: readonly string[]): Promise<Set<string>> {
    if (artistIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('artists')
      .select('id')
      .where('id', '=', sql<string>`any(${[...artistIds]}::uuid[])`)
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Genres of the library with their track counts, largest first. */
  async genres(limit: number): Promise<GenreCount[]> {
    const rows = await this.db
      .selectFrom('tracks as t')
      .leftJoin('albums as al', 'al.id', 't.albumId')
      .select([
        genreOf.as('genre'),
        sql<string>`mode() within group (order by trim(coalesce(t.genre, al.genre)))`.as('label'),
        sql<number>`count(*)::int`.as('trackCount'),
      ])
      .where(genreOf, 'is not', null)
      .where(genreOf, '<>', '')
      .groupBy(genreOf)
      .orderBy(sql`count(*)`, 'desc')
      .orderBy(genreOf)
      .limit(limit)
      .execute();
    return rows.map((row) => ({ genre: row.genre!, label: row.label, trackCount: row.trackCount }));
  }

  /** Artists to offer at onboarding: the most played, then those with the most tracks. */
  artistsToChoose(limit: number): Promise<ArtistChoice[]> {
    return this.db
      .selectFrom('artists as a')
      .innerJoin('trackArtists as ta', 'ta.artistId', 'a.id')
      .leftJoin('trackPlayCounts as c', 'c.trackId', 'ta.trackId')
      .select(['a.id', 'a.name', 'a.coverId', sql<number>`count(distinct ta.track_id)::int`.as('trackCount')])
      .groupBy(['a.id', 'a.name', 'a.coverId'])
      .orderBy(sql`coalesce(sum(c.play_count), 0)`, 'desc')
      .orderBy(sql`count(distinct ta.track_id)`, 'desc')
      .orderBy('a.name')
      .limit(limit)
      .execute();
  }

  artistNames(artistIds: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (artistIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('artists')
      .select(['id', 'name'])
      .where('id', '=', sql<string>`any(${[...artistIds]}::uuid[])`)
      .execute();
  }
}
