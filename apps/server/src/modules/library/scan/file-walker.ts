import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Extensions the scanner reads; the content decides the real format, never the name. */
export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set([
  '.mp3',
  '.flac',
  '.ogg',
  '.oga',
  '.opus',
  '.m4a',
  '.wav',
]);

/** Directories deeper than this are a mistake (or a loop made some other way), not music. */
const MAX_DEPTH = 32;

export interface AudioFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WalkedDirectory {
  dir: string;
  audio: AudioFile[];
  /** names of the other visible files here: cover images and .lrc sidecars are among them */
  others: string[];
  /**
   * When a lyrics file or an image here last changed (mtime or ctime, whichever is later: a
   * copy that keeps an old mtime still gets a new ctime), or 0. A rescan re-reads the audio
   * files of a folder whose lyrics or cover were added or changed after they were imported.
   */
  sidecarsChangedMs: number;
}

const sidecarExtensions = new Set(['.lrc', '.jpg', '.jpeg', '.png', '.webp']);

export interface WalkResult {
  directories: WalkedDirectory[];
  /** folders (or files) that could not be read: tracks under them must not be treated as deleted */
  unreadable: { path: string; message: string }[];
}

/** Dot-files are hidden on every system we run on; macOS "._x.mp3" resource forks included. */
export function isHidden(name: string): boolean {
  return name.startsWith('.');
}

export function isAudioFileName(name: string): boolean {
  return !isHidden(name) && AUDIO_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/**
 * Which directory entries the walker follows or reads. Symbolic links are never followed: a
 * link could lead out of the library folder (or into a loop), and a link inside it would list
 * the same recording twice.
 */
export function classifyEntry(
  entry: Pick<Dirent, 'name' | 'isDirectory' | 'isFile'>,
): 'dir' | 'audio' | 'other' | 'skip' {
  if (isHidden(entry.name)) return 'skip';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isFile()) return 'skip';
  return isAudioFileName(entry.name) ? 'audio' : 'other';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function sidecarsChanged(dir: string, others: string[]): Promise<number> {
  const names = others.filter((name) => sidecarExtensions.has(path.extname(name).toLowerCase()));
  const stats = await Promise.allSettled(names.map((name) => lstat(path.join(dir, name))));
  let latest = 0;
  for (const result of stats) {
    if (result.status === 'fulfilled') latest = Math.max(latest, result.value.mtimeMs, result.value.ctimeMs);
  }
  return latest;
}

/** Lists every audio file under `root` (already realpath-resolved), directory by directory. */
export async function walkLibrary(root: string): Promise<WalkResult> {
  const directories: WalkedDirectory[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const pending: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];

  while (pending.length > 0) {
    const { dir, depth } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, message: `cannot list folder: ${describe(error)}` });
      continue;
    }
    const audioNames: string[] = [];
    const others: string[] = [];
    for (const entry of entries) {
      const kind = classifyEntry(entry);
      if (kind === 'dir') {
        if (depth < MAX_DEPTH) pending.push({ dir: path.join(dir, entry.name), depth: depth + 1 });
      } else if (kind === 'audio') {
        audioNames.push(entry.name);
      } else if (kind === 'other') {
        others.push(entry.name);
      }
    }
    const audio: AudioFile[] = [];
    const stats = await Promise.allSettled(audioNames.map((name) => lstat(path.join(dir, name))));
    stats.forEach((result, i) => {
      const file = path.join(dir, audioNames[i]!);
      if (result.status === 'fulfilled') {
        if (result.value.isFile())
          audio.push({ path: file, size: result.value.size, mtimeMs: result.value.mtimeMs });
      } else if ((result.reason as NodeJS.ErrnoException).code !== 'ENOENT') {
        // A file that vanished between listing and stat is gone; any other failure is not.
        unreadable.push({ path: file, message: `cannot read file: ${describe(result.reason)}` });
      }
    });
    if (audio.length > 0) {
      audio.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      directories.push({ dir, audio, others, sidecarsChangedMs: await sidecarsChanged(dir, others) });
    }
  }
  directories.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return { directories, unreadable };
}
