import type { Readable } from 'node:stream';
import { AppError, notFound } from '../../http/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { strongEtag } from './conditional-request.ts';
import type { SendableFile } from './file-responder.ts';
import { resolveInsideLibrary } from './library-path.ts';
import type { MediaRepository, TrackFileRow } from './media.repository.ts';
import { openRegularFile } from './opened-file.ts';
import type { GrowingFile } from './growing-file.ts';
import type { Producer, TranscodeCache } from './transcode-cache.ts';
import { TranscodeError, transcodeProfile, type AudioFormat, type Transcoder } from './transcoder.ts';

/** A cached transcode, or one still being written whose length is not known yet. */
export type TranscodedAudio =
  { kind: 'file'; file: SendableFile } | { kind: 'live'; stream: Readable; contentType: string };

const TRACK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audio needs a login, so only the user's own browser may keep it; `no-cache` makes it
 * revalidate (a cheap 304) so a re-tagged or replaced file is picked up at once.
 */
const PRIVATE_REVALIDATE = 'private, no-cache';

const trackNotFound = () => notFound('track_not_found', 'No such track');
const fileMissing = () => notFound('file_missing', 'The audio file of this track is not available');

/** Finds the audio of a track on disk: the original file, or a cached transcode of it. */
export class StreamService {
  constructor(
    private readonly tracks: MediaRepository,
    private readonly transcodes: TranscodeCache,
    private readonly transcoder: Transcoder,
    private readonly logger: Logger,
  ) {}

  async original(trackId: string): Promise<SendableFile> {
    const { track, realPath } = await this.locate(trackId);
    const file = await openRegularFile(realPath);
    if (!file) throw fileMissing();
    return {
      ...file,
      // From what is on disk now, so a file replaced since the last scan gets a new tag.
      etag: strongEtag('original', track.id, file.size, file.mtime.getTime()),
      contentType: track.mime || 'application/octet-stream',
      cacheControl: PRIVATE_REVALIDATE,
    };
  }

  /**
   * A transcode of the track. With `live`, a first request does not wait for the whole
   * transcode: once ffmpeg has written its first bytes it gets the file as it grows (no length,
   * no ranges); everything else waits for the cached file and gets full Range support.
   */
  async transcoded(
    trackId: string,
    format: AudioFormat,
    bitrateKbps: number,
    live: boolean,
  ): Promise<TranscodedAudio> {
    const { track, realPath } = await this.locate(trackId);
    const profile = transcodeProfile(format, bitrateKbps);
    // Only database values: a rescan that sees a new size or mtime makes a new entry.
    const name = `${track.id}-${track.size}-${Math.round(track.mtimeMs)}-${profile.format}-${profile.bitrateKbps}.${profile.extension}`;
    const produce: Producer = (temp, onProgress) =>
      this.transcoder.transcode(realPath, temp, profile, onProgress);
    // The cached file can be evicted between finding and opening it; then make it again, once.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const entry = await this.transcodes.acquire(name, produce);
      if (entry.kind === 'growing' && live) {
        const stream = await this.followGrowing(entry.file);
        if (stream) return { kind: 'live', stream, contentType: profile.mime };
      }
      const file = await openRegularFile(
        entry.kind === 'ready' ? entry.path : await this.finished(name, entry.done),
      );
      if (file) {
        // Re-encoding is not byte-identical (Ogg picks a random stream serial): tag the file made.
        const etag = strongEtag('transcode', name, file.size, file.mtime.getTime());
        return {
          kind: 'file',
          file: { ...file, etag, contentType: profile.mime, cacheControl: PRIVATE_REVALIDATE },
        };
      }
      this.transcodes.forget(name);
    }
    throw new Error(`cached transcode ${name} disappeared twice`);
  }

  /** A reader of the transcode in progress, or null when it already ended (then use the result). */
  private async followGrowing(file: GrowingFile): Promise<Readable | null> {
    await file.started();
    if (file.status !== 'growing') return null;
    // The temp file is renamed when done: then the finished file is the answer.
    return file.reader().catch(() => null);
  }

  private async finished(name: string, done: Promise<string>): Promise<string> {
    try {
      return await done;
    } catch (error) {
      if (!(error instanceof TranscodeError)) throw error;
      this.logger.warn({ err: error, name }, 'transcode failed');
      throw new AppError(422, 'transcode_failed', 'This track could not be converted');
    }
  }

  /** The track's row and its real path, checked to be inside a library folder. */
  private async locate(trackId: string): Promise<{ track: TrackFileRow; realPath: string }> {
    // Anything but a UUID cannot be a track, and would make PostgreSQL reject the query.
    if (!TRACK_ID.test(trackId)) throw trackNotFound();
    const [track, folders] = await Promise.all([
      this.tracks.trackFile(trackId),
      this.tracks.libraryFolderPaths(),
    ]);
    if (!track) throw trackNotFound();
    const where = await resolveInsideLibrary(track.path, folders);
    if (where.kind === 'ok') return { track, realPath: where.realPath };
    if (where.kind === 'outside') {
      this.logger.warn({ trackId }, 'track path resolves outside every library folder; not served');
    }
    throw fileMissing();
  }
}
