import type { Db } from '../../db/database.ts';
import type { LyricLine } from '../../db/schema.ts';

/** The catalogue rows comments attach to: does the track or album exist, what does a lyric line say. */
export class CommentTargetRepository {
  constructor(private readonly db: Db) {}

  async trackExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('tracks').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async albumExists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('albums').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  /** The lines of a track's original lyrics (lang ''), or undefined when it has none. */
  async originalLyrics(trackId: string): Promise<LyricLine[] | undefined> {
    const row = await this.db
      .selectFrom('lyrics')
      .select('lines')
      .where('trackId', '=', trackId)
      .where('lang', '=', '')
      .executeTakeFirst();
    return row?.lines;
  }
}
