import type { Logger } from '../../../platform/logger.ts';
import type { CoverInfo, CoverStore } from './cover-extractor.ts';
import type { AudioFile, WalkedDirectory } from './file-walker.ts';
import { flacTruncation } from './flac-integrity.ts';
import { findLyrics } from './lyrics-finder.ts';
import { hasMpegFrames } from './mpeg-check.ts';
import type { TrackToWrite } from './scan.repository.ts';
import { readTags, UnreadableAudioError } from './tag-reader.ts';

export interface FileToPrepare {
  folderId: string;
  dir: WalkedDirectory;
  file: AudioFile;
  existingId: string | null;
}

/** Turns one audio file into everything the database needs: tags, cover, lyrics. */
export class TrackPreparer {
  constructor(
    private readonly covers: CoverStore,
    private readonly logger: Logger,
  ) {}

  /** Throws (with a message fit for the scan report) when the file cannot be imported. */
  async prepare({ folderId, dir, file, existingId }: FileToPrepare): Promise<TrackToWrite> {
    const {
      picture,
      lyrics: embeddedLyrics,
      ...tags
    } = await readTags(file.path, file.size).catch((error: unknown) => {
      if (error instanceof UnreadableAudioError) throw error;
      // music-metadata's messages ("Atom size exceeds remaining bytes") need a word of context.
      throw new UnreadableAudioError(
        `damaged or unreadable file (${error instanceof Error ? error.message : String(error)})`,
      );
    });
    // The tag reader trusts what it finds; these two formats get a second look at the audio.
    if (tags.format === 'flac') {
      const problem = await flacTruncation(file.path, file.size);
      if (problem) throw new UnreadableAudioError(problem);
    } else if (tags.format === 'mp3' && !(await hasMpegFrames(file.path, file.size))) {
      throw new UnreadableAudioError('not an audio file (no MPEG audio frames found)');
    }
    const [cover, lyrics] = await Promise.all([
      this.coverFor(file.path, picture, dir),
      findLyrics(file.path, dir.others, embeddedLyrics),
    ]);
    return {
      existingId,
      folderId,
      path: file.path,
      size: file.size,
      mtimeMs: file.mtimeMs,
      tags,
      cover,
      lyrics,
    };
  }

  /** The embedded picture if it is a real image, else the folder's cover file. */
  private async coverFor(
    path: string,
    picture: Uint8Array | null,
    dir: WalkedDirectory,
  ): Promise<CoverInfo | null> {
    try {
      return (
        (picture ? await this.covers.fromBytes(picture) : null) ??
        (await this.covers.fromFolder(dir.dir, dir.others))
      );
    } catch (error) {
      // A full disk must not keep the music out of the library; the cover comes with a rescan.
      this.logger.warn({ err: error, path }, 'cover could not be stored');
      return null;
    }
  }
}
