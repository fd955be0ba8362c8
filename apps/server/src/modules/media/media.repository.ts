import type { Db } from '../../db/database.ts';

export interface TrackFileRow {
  id: string;
  path: string;
  size: number;
  mtimeMs: number;
  mime: string;
}

export interface CoverRow {
  id: string;
  mime: string;
  width: number;
  height: number;
}

/** What the media endpoints need to find files: never more than a path and its validators. */
export class MediaRepository {
  constructor(private readonly db: Db) {}

  async trackFile(id: string): Promise<TrackFileRow | undefined> {
    const row = await this.db
      .selectFrom('tracks')
      .select(['id', 'path', 'size', 'mtimeMs', 'mime'])
      .where('id', '=', id)
      .executeTakeFirst();
    // bigint arrives as a number or a string depending on the pg type parser in use.
    return row && { ...row, size: Number(row.size) };
  }

  async libraryFolderPaths(): Promise<string[]> {
    const rows = await this.db.selectFrom('libraryFolders').select('path').execute();
    return rows.map((row) => row.path);
  }

  async cover(id: string): Promise<CoverRow | undefined> {
    return this.db
      .selectFrom('covers')
      .select(['id', 'mime', 'width', 'height'])
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
