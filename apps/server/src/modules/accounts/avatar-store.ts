import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { unsupportedMedia } from '../../http/errors.ts';

export const AVATAR_SIZE = 256;
const AVATAR_ID = /^[0-9a-f]{64}$/;

/**
 * Avatars are decoded and re-encoded by sharp (which drops EXIF, GPS and any other metadata)
 * into a square WebP, stored under the hash of the result: never under a name a user gave.
 */
export class AvatarStore {
  constructor(private readonly dir: string) {}

  async save(upload: Buffer): Promise<string> {
    let image: Buffer;
    try {
      image = await sharp(upload, { limitInputPixels: 40_000_000, failOn: 'error' })
        .rotate()
        .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover' })
        .webp({ quality: 85 })
        .toBuffer();
    } catch {
      throw unsupportedMedia('The avatar must be a JPEG, PNG, WebP, GIF or AVIF image');
    }
    const id = createHash('sha256').update(image).digest('hex');
    const file = this.pathOf(id);
    if (file && !existsSync(file)) {
      await mkdir(this.dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, image);
      await rename(temp, file);
    }
    return id;
  }

  /** The file of an avatar id, or null when the id is not one we could have made. */
  pathOf(id: string): string | null {
    return AVATAR_ID.test(id) ? path.join(this.dir, `${id}.webp`) : null;
  }
}
