import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.ts';
import type { LyricLine } from '../../src/db/schema.ts';

/**
 * Builders for catalogue rows (artists, albums, tracks, lyrics, covers), written straight to
 * the database so tests of what reads the catalogue do not depend on the scanner. Defaults
 * are filled so a test names only what it is about:
 *
 *   const artist = await anArtist().named('周杰伦').sortedAs('zhou jielun').build(db);
 *   const album = await anAlbum().titled('叶惠美').by(artist).year(2003).build(db);
 *   const track = await aTrack().titled('晴天').by(artist).on(album).number(1).build(db);
 */

export interface BuiltArtist {
  id: string;
  name: string;
}

export interface BuiltAlbum {
  id: string;
  title: string;
  albumArtistId: string;
}

export interface BuiltTrack {
  id: string;
  title: string;
  albumId: string | null;
}

const unique = () => randomBytes(6).toString('hex');

// One library folder per database, made on first use.
const folders = new WeakMap<Db, Promise<string>>();

function folderOf(db: Db): Promise<string> {
  let folder = folders.get(db);
  if (!folder) {
    folder = db
      .insertInto('libraryFolders')
      .values({ path: `/music/${unique()}` })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => row.id);
    folders.set(db, folder);
  }
  return folder;
}

export async function aCover(db: Db): Promise<string> {
  const id = randomBytes(16).toString('hex');
  await db.insertInto('covers').values({ id, mime: 'image/webp', width: 600, height: 600 }).execute();
  return id;
}

class ArtistBuilder {
  private id: string | undefined;
  private name = `Artist ${unique()}`;
  private sortName: string | undefined;
  private coverId: string | null = null;
  private createdAt: Date | string | undefined;

  /** a chosen id, for tests where the order of ids matters */
  withId(id: string): this {
    this.id = id;
    return this;
  }

  named(name: string): this {
    this.name = name;
    return this;
  }

  sortedAs(sortName: string): this {
    this.sortName = sortName;
    return this;
  }

  withCover(coverId: string): this {
    this.coverId = coverId;
    return this;
  }

  /** a Date, or an ISO string when microseconds matter */
  createdAtTime(at: Date | string): this {
    this.createdAt = at;
    return this;
  }

  async build(db: Db): Promise<BuiltArtist> {
    return db
      .insertInto('artists')
      .values({
        ...(this.id === undefined ? {} : { id: this.id }),
        name: this.name,
        nameKey: this.name.toLowerCase(),
        sortName: this.sortName ?? this.name.toLowerCase(),
        coverId: this.coverId,
        ...(this.createdAt === undefined ? {} : { createdAt: this.createdAt }),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
  }
}

class AlbumBuilder {
  private title = `Album ${unique()}`;
  private titleKey: string | undefined;
  private artist: BuiltArtist | undefined;
  private yearValue: number | null = null;
  private genre: string | null = null;
  private coverId: string | null = null;
  private createdAt: Date | string | undefined;

  titled(title: string, titleKey?: string): this {
    this.title = title;
    this.titleKey = titleKey;
    return this;
  }

  by(artist: BuiltArtist): this {
    this.artist = artist;
    return this;
  }

  year(year: number | null): this {
    this.yearValue = year;
    return this;
  }

  inGenre(genre: string): this {
    this.genre = genre;
    return this;
  }

  withCover(coverId: string): this {
    this.coverId = coverId;
    return this;
  }

  createdAtTime(at: Date | string): this {
    this.createdAt = at;
    return this;
  }

  async build(db: Db): Promise<BuiltAlbum> {
    const artist = this.artist ?? (await anArtist().build(db));
    return db
      .insertInto('albums')
      .values({
        title: this.title,
        titleKey: this.titleKey ?? this.title.toLowerCase(),
        albumArtistId: artist.id,
        year: this.yearValue,
        genre: this.genre,
        coverId: this.coverId,
        ...(this.createdAt === undefined ? {} : { createdAt: this.createdAt }),
      })
      .returning(['id', 'title', 'albumArtistId'])
      .executeTakeFirstOrThrow();
  }
}

class TrackBuilder {
  private title = `Track ${unique()}`;
  private titleKey: string | undefined;
  private artists: BuiltArtist[] = [];
  private album: BuiltAlbum | null = null;
  private trackNo: number | null = null;
  private discNo: number | null = null;
  private durationMs = 200_000;
  private yearValue: number | null = null;
  private genre: string | null = null;
  private coverId: string | null = null;
  private createdAt: Date | string | undefined;
  private replayGain: { trackGain: number; trackPeak: number } | null = null;

  titled(title: string, titleKey?: string): this {
    this.title = title;
    this.titleKey = titleKey;
    return this;
  }

  /** credited artists, in credit order */
  by(...artists: BuiltArtist[]): this {
    this.artists = artists;
    return this;
  }

  on(album: BuiltAlbum): this {
    this.album = album;
    return this;
  }

  number(trackNo: number | null, discNo: number | null = null): this {
    this.trackNo = trackNo;
    this.discNo = discNo;
    return this;
  }

  lasting(durationMs: number): this {
    this.durationMs = durationMs;
    return this;
  }

  year(year: number): this {
    this.yearValue = year;
    return this;
  }

  inGenre(genre: string): this {
    this.genre = genre;
    return this;
  }

  withCover(coverId: string): this {
    this.coverId = coverId;
    return this;
  }

  withReplayGain(trackGain: number, trackPeak: number): this {
    this.replayGain = { trackGain, trackPeak };
    return this;
  }

  createdAtTime(at: Date | string): this {
    this.createdAt = at;
    return this;
  }

  async build(db: Db): Promise<BuiltTrack> {
    const folderId = await folderOf(db);
    return db.transaction().execute(async (tx) => {
      const track = await tx
        .insertInto('tracks')
        .values({
          folderId,
          path: `/music/${randomUUID()}.flac`,
          size: 4_000_000,
          mtimeMs: 1_700_000_000_000,
          format: 'flac',
          mime: 'audio/flac',
          title: this.title,
          titleKey: this.titleKey ?? this.title.toLowerCase(),
          albumId: this.album?.id ?? null,
          trackNo: this.trackNo,
          discNo: this.discNo,
          year: this.yearValue,
          genre: this.genre,
          durationMs: this.durationMs,
          bitrate: 900_000,
          sampleRate: 44_100,
          channels: 2,
          codec: 'FLAC',
          replaygainTrackGain: this.replayGain?.trackGain ?? null,
          replaygainTrackPeak: this.replayGain?.trackPeak ?? null,
          coverId: this.coverId,
          ...(this.createdAt === undefined ? {} : { createdAt: this.createdAt }),
        })
        .returning(['id', 'title', 'albumId'])
        .executeTakeFirstOrThrow();
      if (this.artists.length > 0) {
        await tx
          .insertInto('trackArtists')
          .values(
            this.artists.map((artist, position) => ({ trackId: track.id, artistId: artist.id, position })),
          )
          .execute();
      }
      return track;
    });
  }
}

class LyricsBuilder {
  private lang = '';
  private translation = false;
  private synced = true;
  private source: 'sidecar' | 'embedded' = 'sidecar';
  private lineList: LyricLine[] = [{ timeMs: 0, text: 'la la la' }];

  constructor(private readonly track: BuiltTrack) {}

  /** a translation into `lang` rather than the original */
  translatedTo(lang: string): this {
    this.lang = lang;
    this.translation = true;
    return this;
  }

  unsynced(): this {
    this.synced = false;
    return this;
  }

  embedded(): this {
    this.source = 'embedded';
    return this;
  }

  lines(lines: LyricLine[]): this {
    this.lineList = lines;
    return this;
  }

  async build(db: Db): Promise<void> {
    await db
      .insertInto('lyrics')
      .values({
        trackId: this.track.id,
        lang: this.lang,
        isTranslation: this.translation,
        source: this.source,
        synced: this.synced,
        lines: JSON.stringify(this.lineList),
      })
      .execute();
    // The scanner keeps this flag in step with the lyrics rows; so do we.
    await db.updateTable('tracks').set({ hasLyrics: true }).where('id', '=', this.track.id).execute();
  }
}

export const anArtist = () => new ArtistBuilder();
export const anAlbum = () => new AlbumBuilder();
export const aTrack = () => new TrackBuilder();
export const lyricsFor = (track: BuiltTrack) => new LyricsBuilder(track);
