import { open, type FileHandle } from 'node:fs/promises';

/** A regular file held open: what we stat is what we send, even if the path is swapped later. */
export interface OpenedFile {
  handle: FileHandle;
  size: number;
  mtime: Date;
}

/** Errors that mean "there is no readable file there" rather than a fault of this server. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'EACCES', 'EPERM']);

export function isMissingFileError(error: unknown): boolean {
  return error instanceof Error && MISSING.has((error as NodeJS.ErrnoException).code ?? '');
}

/** Opens a file for reading; null when it is gone or is not a regular file. */
export async function openRegularFile(file: string): Promise<OpenedFile | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isMissingFileError(error)) return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return null;
    }
    return { handle, size: info.size, mtime: info.mtime };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
