import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError, notFound } from '../../http/errors.ts';
import { strongEtag } from './conditional-request.ts';
import {
  COVER_ID,
  CoverUnreadableError,
  snapCoverSize,
  type CoverFormat,
  type CoverResizer,
} from './cover-resizer.ts';
import type { SendableFile } from './file-responder.ts';
import type { MediaRepository } from './media.repository.ts';
import { openRegularFile } from './opened-file.ts';

/** Covers are content-addressed: the bytes behind an id (and a size of it) never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const coverNotFound = () => notFound('cover_not_found', 'No such cover');

/** Finds a cover image on disk: the original, or a square thumbnail of a standard size. */
export class CoverService {
  constructor(
    private readonly covers: MediaRepository,
    private readonly resizer: CoverResizer,
    private readonly originalsDir: string,
  ) {}

  async cover(id: string, requestedSize: number | undefined, format: CoverFormat): Promise<SendableFile> {
    // The id becomes a file name: only ever a hash we made, and one the database knows.
    if (!COVER_ID.test(id)) throw coverNotFound();
    const row = await this.covers.cover(id);
    if (!row) throw coverNotFound();
    const original = path.join(this.originalsDir, id);

    if (requestedSize === undefined) {
      const file = await openRegularFile(original);
      if (!file) throw coverNotFound();
      return { ...file, etag: strongEtag('cover', id), contentType: row.mime, cacheControl: IMMUTABLE };
    }

    const size = snapCoverSize(requestedSize);
    if (!(await stat(original).catch(() => null))?.isFile()) throw coverNotFound();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const file = await openRegularFile(await this.resize(id, size, format));
      if (file) {
        return {
          ...file,
          etag: strongEtag('cover', id, size, format),
          contentType: format === 'webp' ? 'image/webp' : 'image/jpeg',
          cacheControl: IMMUTABLE,
          vary: 'Accept',
        };
      }
      // Someone cleared the cache between making and opening the file: make it again.
    }
    throw new Error(`resized cover ${id}-${size} disappeared twice`);
  }

  private async resize(id: string, size: number, format: CoverFormat): Promise<string> {
    try {
      return await this.resizer.resized(id, size, format);
    } catch (error) {
      if (error instanceof CoverUnreadableError) {
        throw new AppError(422, 'cover_unreadable', 'This cover image could not be decoded');
      }
      throw error;
    }
  }
}
