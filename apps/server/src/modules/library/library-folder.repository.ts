import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface FolderRow {
  id: string;
  path: string;
  createdAt: Date;
}

export interface FolderWithCount extends FolderRow {
  trackCount: number;
}

/** `path` is inside `parent` (or is it). Both are absolute, realpath-resolved folders. */
export function isWithin(parent: string, path: string): boolean {
  if (path === parent) return true;
  const prefix = parent.endsWith('/') ? parent : `${parent}/`;
  return path.startsWith(prefix);
}

export class LibraryFolderRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<FolderRow[]> {
    return this.db.selectFrom('libraryFolders').select(['id', 'path', 'createdAt']).orderBy('path').execute();
  }

  findById(id: string): Promise<FolderRow | undefined> {
    return this.db
      .selectFrom('libraryFolders')
      .select(['id', 'path', 'createdAt'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** One page of folders by path (keyset), with how many tracks each holds. */
  listWithCounts(limit: number, afterPath?: string): Promise<FolderWithCount[]> {
    let query = this.db
      .selectFrom('libraryFolders as f')
      .select([
        'f.id',
        'f.path',
        'f.createdAt',
        (eb) =>
          eb
            .selectFrom('tracks as t')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('t.folderId', '=', 'f.id')
            .as('trackCount'),
      ])
      .orderBy('f.path')
      .limit(limit);
    if (afterPath !== undefined) query = query.where('f.path', '>', afterPath);
    return query.execute().then((rows) => rows.map((row) => ({ ...row, trackCount: row.trackCount ?? 0 })));
  }

  /**
   * Registers a folder. A folder inside one already in the library adds nothing (that folder
   * is returned); a folder that contains library folders absorbs them and their tracks, so no
   * file ever belongs to two folders.
   */
  async register(path: string): Promise<FolderRow> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('libraryFolders').select(['id', 'path', 'createdAt']).execute();
      const parent = existing.find((folder) => isWithin(folder.path, path));
      if (parent) return parent;
      // Two processes may register the same folder at once; the second one reads the first's row.
      const created =
        (await trx
          .insertInto('libraryFolders')
          .values({ path })
          .onConflict((oc) => oc.column('path').doNothing())
          .returning(['id', 'path', 'createdAt'])
          .executeTakeFirst()) ??
        (await trx
          .selectFrom('libraryFolders')
          .select(['id', 'path', 'createdAt'])
          .where('path', '=', path)
          .executeTakeFirstOrThrow());
      const children = existing.filter((folder) => isWithin(path, folder.path)).map((folder) => folder.id);
      if (children.length > 0) {
        await trx
          .updateTable('tracks')
          .set({ folderId: created.id })
          .where('folderId', 'in', children)
          .execute();
        await trx.deleteFrom('libraryFolders').where('id', 'in', children).execute();
      }
      return created;
    });
  }
}
