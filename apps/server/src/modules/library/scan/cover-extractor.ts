import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** A stored cover: `id` is the SHA-256 (hex) of the original bytes, which live at covers/<id>. */
export interface CoverInfo {
  id: string;
  mime: string;
  width: number;
  height: number;
}

const MAX_COVER_BYTES = 16 * 1024 * 1024;

// Formats a browser shows. SVG is refused on purpose: it can carry scripts.
const mimeByFormat: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

// Names people and rippers give album art, best first.
const folderImageNames = ['cover', 'folder', 'front', 'album', 'albumart', 'albumartsmall', 'thumb'];
const folderImageExtensions = ['.jpg', '.jpeg', '.png', '.webp'];

/** The folder image to use for an album directory, by name (case-insensitive), or null. */
export function pickFolderImage(names: readonly string[]): string | null {
  let best: { name: string; rank: number } | null = null;
  for (const name of names) {
    const ext = path.extname(name).toLowerCase();
    const extRank = folderImageExtensions.indexOf(ext);
    const baseRank = folderImageNames.indexOf(name.slice(0, name.length - ext.length).toLowerCase());
    if (extRank < 0 || baseRank < 0) continue;
    const rank = baseRank * folderImageExtensions.length + extRank;
    if (!best || rank < best.rank || (rank === best.rank && name < best.name)) best = { name, rank };
  }
  return best?.name ?? null;
}

/**
 * Stores cover art content-addressed. Nothing is trusted about the bytes: each distinct image
 * is decoded once with sharp, and anything that does not decode (or is not a web image) is
 * dropped. One instance lives for one scan and remembers what it has seen, so an album whose
 * twelve tracks embed the same picture costs one decode.
 */
export class CoverStore {
  private readonly byHash = new Map<string, Promise<CoverInfo | null>>();
  private readonly byFolder = new Map<string, Promise<CoverInfo | null>>();
  private dirReady: Promise<unknown> | undefined;

  constructor(private readonly coversDir: string) {}

  fromBytes(bytes: Uint8Array): Promise<CoverInfo | null> {
    if (bytes.length === 0 || bytes.length > MAX_COVER_BYTES) return Promise.resolve(null);
    const id = createHash('sha256').update(bytes).digest('hex');
    let pending = this.byHash.get(id);
    if (!pending) {
      pending = this.verifyAndStore(id, bytes);
      this.byHash.set(id, pending);
    }
    return pending;
  }

  /** The cover image file of a directory (given its listing), read once per scan. */
  fromFolder(dir: string, names: readonly string[]): Promise<CoverInfo | null> {
    let pending = this.byFolder.get(dir);
    if (!pending) {
      const name = pickFolderImage(names);
      pending = name ? this.readFolderImage(path.join(dir, name)) : Promise.resolve(null);
      this.byFolder.set(dir, pending);
    }
    return pending;
  }

  private async readFolderImage(file: string): Promise<CoverInfo | null> {
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_COVER_BYTES) return null;
      return await this.fromBytes(await readFile(file));
    } catch {
      return null;
    }
  }

  private async verifyAndStore(id: string, bytes: Uint8Array): Promise<CoverInfo | null> {
    let cover: CoverInfo;
    try {
      const image = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 });
      const meta = await image.metadata();
      const mime = meta.format ? mimeByFormat[meta.format] : undefined;
      if (!mime || !meta.width || !meta.height) return null;
      // metadata() reads only the header; a real decode catches truncated or corrupt data.
      await image.resize(64, 64, { fit: 'inside' }).raw().toBuffer();
      cover = { id, mime, width: meta.width, height: meta.height };
    } catch {
      return null;
    }
    await this.write(id, bytes);
    return cover;
  }

  private async write(id: string, bytes: Uint8Array): Promise<void> {
    const target = path.join(this.coversDir, id);
    try {
      await access(target);
      return;
    } catch {
      // not stored yet
    }
    this.dirReady ??= mkdir(this.coversDir, { recursive: true });
    await this.dirReady;
    // Write then rename, so a reader never sees half a file and a crash leaves no bad cover.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
