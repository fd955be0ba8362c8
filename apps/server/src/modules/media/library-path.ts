import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isMissingFileError } from './opened-file.ts';

/** Whether `file` lies strictly below `folder`; both absolute and already resolved. */
export function isInsideFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

export type LibraryPath = { kind: 'ok'; realPath: string } | { kind: 'missing' } | { kind: 'outside' };

/**
 * Resolves a track's stored path (symlinks and `..` included) and checks that the real file is
 * still inside one of the library folders. The path comes from the database, never from a
 * request, so this is defence in depth: a row or a symlink pointing at /etc must not be served.
 */
export async function resolveInsideLibrary(file: string, folders: readonly string[]): Promise<LibraryPath> {
  let realPath: string;
  try {
    realPath = await realpath(file);
  } catch (error) {
    if (isMissingFileError(error)) return { kind: 'missing' };
    throw error;
  }
  // A folder that is unmounted or gone contains nothing.
  const roots = await Promise.all(folders.map((folder) => realpath(folder).catch(() => null)));
  const inside = roots.some((root) => root !== null && isInsideFolder(realPath, root));
  return inside ? { kind: 'ok', realPath } : { kind: 'outside' };
}
