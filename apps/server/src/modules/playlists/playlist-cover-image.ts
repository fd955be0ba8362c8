import path from 'node:path';
import sharp from 'sharp';
import { unsupportedMedia } from '../../http/errors.ts';
import { CoverStore, type CoverInfo } from '../library/scan/cover-extractor.ts';
import { COVER_ID } from '../media/cover-resizer.ts';

/** Uploads larger than this are refused (413) before they are decoded. */
export const MAX_COVER_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Edge of the stored upload (never enlarged) and of the automatic mosaic. */
const UPLOAD_EDGE = 1200;
const MOSAIC_EDGE = 600;

/**
 * Makes playlist cover images and stores them as the scanner stores album art (CoverStore:
 * content-addressed under covers/, verified by decoding), so the media module's cover route
 * serves and resizes them like any other cover.
 */
export class PlaylistCoverImages {
  constructor(private readonly coversDir: string) {}

  /**
   * An uploaded image, judged by its content, never its name: decoded and re-encoded by sharp
   * (which also drops EXIF, GPS and other metadata), at most 1200 px on a side.
   */
  async fromUpload(upload: Buffer): Promise<CoverInfo> {
    let image: Buffer;
    try {
      image = await sharp(upload, { limitInputPixels: 40_000_000, failOn: 'error' })
        .rotate()
        .resize(UPLOAD_EDGE, UPLOAD_EDGE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 88 })
        .toBuffer();
    } catch {
      throw unsupportedMedia('The cover must be a JPEG, PNG, WebP, GIF or AVIF image');
    }
    return this.store(image);
  }

  /**
   * A 2×2 mosaic of 2 to 4 stored covers, first cover top left. With fewer than four, the
   * cells repeat them (a b / b a, or a b / c a) so the picture stays balanced.
   */
  async mosaic(coverIds: readonly string[]): Promise<CoverInfo> {
    if (coverIds.length < 2 || coverIds.length > 4) throw new RangeError('a mosaic takes 2 to 4 covers');
    const cells = mosaicCells(coverIds);
    const half = MOSAIC_EDGE / 2;
    const tiles = await Promise.all(
      cells.map((id) => {
        // Ids come from the database; still, only a hash we made may become a file name.
        if (!COVER_ID.test(id)) throw new Error(`not a stored cover id: ${id}`);
        return sharp(path.join(this.coversDir, id), { limitInputPixels: 100_000_000, failOn: 'error' })
          .rotate()
          .resize(half, half, { fit: 'cover' })
          .toBuffer();
      }),
    );
    const image = await sharp({
      create: { width: MOSAIC_EDGE, height: MOSAIC_EDGE, channels: 3, background: '#ffffff' },
    })
      .composite(tiles.map((input, i) => ({ input, left: (i % 2) * half, top: Math.floor(i / 2) * half })))
      .jpeg({ quality: 85 })
      .toBuffer();
    return this.store(image);
  }

  private async store(image: Buffer): Promise<CoverInfo> {
    const cover = await new CoverStore(this.coversDir).fromBytes(image);
    if (!cover) throw new Error('sharp wrote an image it cannot read back');
    return cover;
  }
}

/** The four cells, row by row, for 2 to 4 covers. */
export function mosaicCells(coverIds: readonly string[]): string[] {
  const [a, b, c, d] = coverIds as [string, string, string?, string?];
  if (coverIds.length === 2) return [a, b, b, a];
  if (coverIds.length === 3) return [a, b, c!, a];
  return [a, b, c!, d!];
}
