import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { SingleFlight } from './single-flight.ts';

export type CoverFormat = 'webp' | 'jpeg';

/**
 * Every requested size is served from one of these, so the cache holds at most five files per
 * cover and per format, whatever sizes clients ask for.
 */
export const COVER_SIZES = [64, 128, 256, 512, 1024] as const;

/** The smallest standard size at least as large as asked (never blurry), capped at the largest. */
export function snapCoverSize(requested: number): number {
  return COVER_SIZES.find((size) => size >= requested) ?? COVER_SIZES[COVER_SIZES.length - 1]!;
}

export const COVER_ID = /^[0-9a-f]{64}$/;

/** The original could not be decoded (corrupt or not an image). */
export class CoverUnreadableError extends Error {
  override name = 'CoverUnreadableError';
}

/**
 * Square thumbnails of the original covers, made once with sharp and kept on disk under
 * `<id>-<size>.<ext>`. Covers are content-addressed, so a made file never goes stale.
 */
export class CoverResizer {
  private readonly flights = new SingleFlight<string>();

  constructor(
    private readonly originalsDir: string,
    private readonly sizesDir: string,
  ) {}

  /** The path of the resized cover; the original must exist. */
  async resized(id: string, size: number, format: CoverFormat): Promise<string> {
    if (!COVER_ID.test(id)) throw new Error(`not a cover id: ${id}`);
    const name = `${id}-${size}.${format === 'webp' ? 'webp' : 'jpg'}`;
    const file = path.join(this.sizesDir, name);
    if ((await stat(file).catch(() => null))?.isFile()) return file;
    return this.flights.run(name, async () => {
      await mkdir(this.sizesDir, { recursive: true });
      const temp = `${file}.${randomUUID()}.tmp`;
      try {
        await this.render(path.join(this.originalsDir, id), temp, size, format);
        await rename(temp, file);
        return file;
      } finally {
        await rm(temp, { force: true });
      }
    });
  }

  private async render(source: string, target: string, size: number, format: CoverFormat): Promise<void> {
    try {
      const image = sharp(source, { limitInputPixels: 100_000_000, failOn: 'error' });
      const { width = size, height = size } = await image.metadata();
      // Square, but never enlarged: a 300 px original stays 300 px, just cropped square.
      const side = Math.max(1, Math.min(size, width, height));
      const resized = image.rotate().resize(side, side, { fit: 'cover' });
      // JPEG has no alpha: put transparent covers on white rather than the default black.
      const encoded =
        format === 'webp'
          ? resized.webp({ quality: 80 })
          : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 85 });
      await encoded.toFile(target);
    } catch (error) {
      throw new CoverUnreadableError(error instanceof Error ? error.message : String(error));
    }
  }
}
