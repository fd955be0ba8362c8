import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../platform/logger.ts';
import { GrowingFile } from './growing-file.ts';

export interface TranscodeCacheOptions {
  dir: string;
  /** upper bound of the files kept; older ones are deleted past it */
  maxBytes: number;
  logger?: Logger;
}

export interface TranscodeCacheStats {
  entries: number;
  bytes: number;
  /** files produced by this process (ffmpeg runs that succeeded) */
  produced: number;
  hits: number;
  evicted: number;
}

/** After an eviction the cache is brought down to this share of its bound, not just under it. */
const LOW_WATER = 0.9;
/** Temp files older than this at startup were left by a crash (younger ones may be another instance's). */
const STALE_TEMP_MS = 60 * 60_000;
const SAFE_NAME = /^[\w-][\w.-]*$/;
const TEMP_SUFFIX = '.tmp';

/** Writes the file to `tempPath`, reporting the bytes flushed so far. */
export type Producer = (tempPath: string, onProgress: (bytesWritten: number) => void) => Promise<void>;

export type CacheEntry =
  | { kind: 'ready'; path: string }
  /** being produced now: `file` can be read while it grows, `done` gives the final path */
  | { kind: 'growing'; file: GrowingFile; done: Promise<string> };

interface Production {
  file: GrowingFile;
  done: Promise<string>;
}

/**
 * Transcoded files on disk, bounded in size, least recently used evicted first.
 *
 * The LRU order lives in memory (a Map keeps insertion order; a hit moves the entry to the end)
 * and is rebuilt from a directory scan, oldest access time first, when first used. Files are
 * produced under a unique temp name and renamed into place, so the cache never holds half a
 * file; callers asking for a name while it is being produced share that one run, and may read
 * the temp file as it grows.
 */
export class TranscodeCache {
  private readonly index = new Map<string, number>();
  private bytes = 0;
  private loading?: Promise<void>;
  private readonly productions = new Map<string, Production>();
  private readonly counters = { produced: 0, hits: 0, evicted: 0 };

  constructor(private readonly options: TranscodeCacheOptions) {}

  /** The path of the cached file `name`, produced first when missing. */
  async obtain(name: string, produce: Producer): Promise<string> {
    const entry = await this.acquire(name, produce);
    return entry.kind === 'ready' ? entry.path : entry.done;
  }

  /** The cached file `name` if it is there, else the production of it (started when needed). */
  async acquire(name: string, produce: Producer): Promise<CacheEntry> {
    if (!SAFE_NAME.test(name) || name.endsWith(TEMP_SUFFIX)) throw new Error(`unsafe cache name ${name}`);
    await this.load();
    const file = path.join(this.options.dir, name);
    if (this.touch(name)) return { kind: 'ready', path: file };
    const running = this.productions.get(name);
    if (running) return { kind: 'growing', ...running };

    // Another instance sharing the data directory may have made it already.
    const existing = await stat(file).catch(() => null);
    if (existing?.isFile() && !this.index.has(name)) await this.add(name, existing.size);
    if (this.touch(name)) return { kind: 'ready', path: file };
    // Checked again after the await, and started in the same synchronous step: one run per name.
    const started = this.productions.get(name) ?? this.start(name, file, produce);
    return { kind: 'growing', ...started };
  }

  private touch(name: string): boolean {
    const size = this.index.get(name);
    if (size === undefined) return false;
    this.index.delete(name);
    this.index.set(name, size);
    this.counters.hits += 1;
    return true;
  }

  private start(name: string, file: string, produce: Producer): Production {
    const temp = path.join(this.options.dir, `${name}.${randomUUID()}${TEMP_SUFFIX}`);
    const growing = new GrowingFile(temp);
    const done = (async () => {
      try {
        await produce(temp, (bytes) => growing.grew(bytes));
        const made = await stat(temp);
        await rename(temp, file);
        this.counters.produced += 1;
        await this.add(name, made.size);
        growing.complete();
        return file;
      } catch (error) {
        growing.fail(error instanceof Error ? error : new Error(String(error)));
        await rm(temp, { force: true });
        throw error;
      } finally {
        this.productions.delete(name);
      }
    })();
    // Callers that only read the growing file never await this; their failure shows in the file.
    done.catch(() => undefined);
    const production = { file: growing, done };
    this.productions.set(name, production);
    return production;
  }

  /** Drops an entry whose file turned out to be gone (deleted by hand, or by another instance). */
  forget(name: string): void {
    const size = this.index.get(name);
    if (size === undefined) return;
    this.index.delete(name);
    this.bytes -= size;
  }

  stats(): TranscodeCacheStats {
    return { entries: this.index.size, bytes: this.bytes, ...this.counters };
  }

  private load(): Promise<void> {
    this.loading ??= this.scan();
    return this.loading;
  }

  private async scan(): Promise<void> {
    await mkdir(this.options.dir, { recursive: true });
    const found: { name: string; size: number; usedAt: number }[] = [];
    for (const entry of await readdir(this.options.dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(this.options.dir, entry.name);
      const info = await stat(file).catch(() => null);
      if (!info) continue;
      if (entry.name.endsWith(TEMP_SUFFIX)) {
        if (Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
        continue;
      }
      // atime may lag (relatime, noatime mounts); mtime is when it was made, a fair floor.
      found.push({ name: entry.name, size: info.size, usedAt: Math.max(info.atimeMs, info.mtimeMs) });
    }
    found.sort((a, b) => a.usedAt - b.usedAt);
    for (const { name, size } of found) {
      this.index.set(name, size);
      this.bytes += size;
    }
    await this.evict(undefined);
  }

  private async add(name: string, size: number): Promise<void> {
    this.forget(name);
    this.index.set(name, size);
    this.bytes += size;
    await this.evict(name);
  }

  /** Deletes the least recently used files until the total is back under the low-water mark. */
  private async evict(keep: string | undefined): Promise<void> {
    if (this.bytes <= this.options.maxBytes) return;
    const target = this.options.maxBytes * LOW_WATER;
    for (const [name, size] of [...this.index]) {
      if (this.bytes <= target) break;
      if (name === keep) continue;
      this.index.delete(name);
      this.bytes -= size;
      this.counters.evicted += 1;
      // A response still streaming this file keeps reading it: its descriptor is already open.
      await rm(path.join(this.options.dir, name), { force: true }).catch((error: unknown) => {
        this.options.logger?.warn({ err: error, name }, 'could not delete a cached transcode');
      });
    }
  }
}
