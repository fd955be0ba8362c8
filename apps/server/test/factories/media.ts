import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../src/db/database.ts';

export interface FolderRow {
  id: string;
  path: string;
}

/** A library folder row: tracks must belong to one. */
export async function aLibraryFolder(db: Db, folderPath: string): Promise<FolderRow> {
  return db
    .insertInto('libraryFolders')
    .values({ path: folderPath })
    .returning(['id', 'path'])
    .executeTakeFirstOrThrow();
}

export interface TrackFileOverrides {
  title?: string;
  mime?: string;
  format?: string;
  durationMs?: number;
  /** defaults to the file's real size and mtime, or 0 when the file does not exist */
  size?: number;
  mtimeMs?: number;
}

/** A track row pointing at `filePath`, with just enough metadata to satisfy the schema. */
export async function aTrackFile(
  db: Db,
  folder: FolderRow,
  filePath: string,
  overrides: TrackFileOverrides = {},
): Promise<{ id: string }> {
  const info = await stat(filePath).catch(() => null);
  const title = overrides.title ?? path.basename(filePath);
  return db
    .insertInto('tracks')
    .values({
      folderId: folder.id,
      path: filePath,
      size: overrides.size ?? info?.size ?? 0,
      mtimeMs: overrides.mtimeMs ?? info?.mtimeMs ?? 0,
      format: overrides.format ?? (path.extname(filePath).slice(1) || 'bin'),
      mime: overrides.mime ?? 'application/octet-stream',
      title,
      titleKey: title.toLowerCase(),
      durationMs: overrides.durationMs ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A cover as the scanner stores it: bytes under their SHA-256 in `coversDir`, plus the row. */
export async function aCover(
  db: Db,
  coversDir: string,
  image: Buffer,
  meta: { mime: string; width: number; height: number },
): Promise<string> {
  const id = createHash('sha256').update(image).digest('hex');
  await mkdir(coversDir, { recursive: true });
  await writeFile(path.join(coversDir, id), image);
  await db
    .insertInto('covers')
    .values({ id, ...meta })
    .onConflict((c) => c.column('id').doNothing())
    .execute();
  return id;
}
