import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';
import { nameKey, sortName } from '../name-key.ts';
import type { CoverInfo } from './cover-extractor.ts';
import type { LyricsDocument } from './lyrics-finder.ts';
import type { ScannedTags } from './tag-reader.ts';

export interface ExistingTrack {
  id: string;
  size: number;
  mtimeMs: number;
  /** when the scanner last wrote the row */
  updatedAtMs: number;
}

/** One scanned file, ready to be written. */
export interface TrackToWrite {
  /** the row to update in place (keeps likes, comments and play history), or null for a new file */
  existingId: string | null;
  folderId: string;
  path: string;
  size: number;
  mtimeMs: number;
  tags: Omit<ScannedTags, 'picture' | 'lyrics'>;
  cover: CoverInfo | null;
  lyrics: LyricsDocument[];
}

export interface WrittenTrack {
  id: string;
  path: string;
}

/**
 * Ids the scan has already resolved, so a 2,000-track album artist is looked up once and not
 * 2,000 times. Lives for one scan; entries are added only after their transaction committed.
 */
export class CatalogCache {
  readonly artists = new Map<string, string>();
  readonly albums = new Map<string, string>();
  readonly albumsWithCover = new Set<string>();
  readonly artistsWithCover = new Set<string>();
  readonly covers = new Set<string>();

  static albumKey(albumArtistId: string, titleKey: string): string {
    return `${albumArtistId}\n${titleKey}`;
  }

  merge(other: CatalogCache): void {
    for (const [k, v] of other.artists) this.artists.set(k, v);
    for (const [k, v] of other.albums) this.albums.set(k, v);
    for (const v of other.albumsWithCover) this.albumsWithCover.add(v);
    for (const v of other.artistsWithCover) this.artistsWithCover.add(v);
    for (const v of other.covers) this.covers.add(v);
  }
}

type Trx = Transaction<Database>;

const DELETE_CHUNK = 5000;

/** Every write of a library scan. */
export class ScanRepository {
  constructor(private readonly db: Db) {}

  async existingTracks(folderId: string): Promise<Map<string, ExistingTrack>> {
    const rows = await this.db
      .selectFrom('tracks')
      .select(['id', 'path', 'size', 'mtimeMs', 'updatedAt'])
      .where('folderId', '=', folderId)
      .execute();
    return new Map(
      rows.map((row): [string, ExistingTrack] => [
        row.path,
        { id: row.id, size: Number(row.size), mtimeMs: row.mtimeMs, updatedAtMs: row.updatedAt.getTime() },
      ]),
    );
  }

  /** Writes a batch of tracks with their artists, album, cover and lyrics in one transaction. */
  async writeBatch(tracks: readonly TrackToWrite[], cache: CatalogCache, now: Date): Promise<WrittenTrack[]> {
    if (tracks.length === 0) return [];
    const staged = new CatalogCache();
    const written = await this.db.transaction().execute(async (trx) => {
      await this.insertCovers(trx, tracks, cache, staged);
      const artistIds = await this.resolveArtists(trx, tracks, cache, staged);
      const albumIds = await this.resolveAlbums(trx, tracks, artistIds, cache, staged);
      await this.fillAlbumsAndArtists(trx, tracks, artistIds, albumIds, cache, staged);
      const rows = await this.upsertTracks(trx, tracks, artistIds, albumIds, now);
      await this.replaceTrackArtists(trx, tracks, rows, artistIds);
      await this.replaceLyrics(trx, tracks, rows);
      return tracks.map((track) => ({ id: rows.get(track.path)!, path: track.path }));
    });
    cache.merge(staged);
    return written;
  }

  async deleteTracks(ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      const result = await this.db
        .deleteFrom('tracks')
        .where('id', 'in', ids.slice(i, i + DELETE_CHUNK))
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    return deleted;
  }

  /** Albums without tracks, then artists with neither tracks nor albums. */
  async deleteOrphans(): Promise<{ albums: number; artists: number }> {
    return this.db.transaction().execute(async (trx) => {
      const albums = await trx
        .deleteFrom('albums')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('tracks')
                .select(sql`1`.as('one'))
                .whereRef('tracks.albumId', '=', 'albums.id'),
            ),
          ),
        )
        .executeTakeFirst();
      const artists = await trx
        .deleteFrom('artists')
        .where(({ not, exists, selectFrom, and }) =>
          and([
            not(
              exists(
                selectFrom('trackArtists')
                  .select(sql`1`.as('one'))
                  .whereRef('trackArtists.artistId', '=', 'artists.id'),
              ),
            ),
            not(
              exists(
                selectFrom('albums')
                  .select(sql`1`.as('one'))
                  .whereRef('albums.albumArtistId', '=', 'artists.id'),
              ),
            ),
          ]),
        )
        .executeTakeFirst();
      return { albums: Number(albums.numDeletedRows), artists: Number(artists.numDeletedRows) };
    });
  }

  private async insertCovers(
    trx: Trx,
    tracks: readonly TrackToWrite[],
    cache: CatalogCache,
    staged: CatalogCache,
  ) {
    const covers = new Map<string, CoverInfo>();
    for (const track of tracks) {
      if (track.cover && !cache.covers.has(track.cover.id)) covers.set(track.cover.id, track.cover);
    }
    if (covers.size === 0) return;
    await trx
      .insertInto('covers')
      .values([...covers.values()].map(({ id, mime, width, height }) => ({ id, mime, width, height })))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    for (const id of covers.keys()) staged.covers.add(id);
  }

  /** name key → artist id for every artist and album artist in the batch, creating missing ones. */
  private async resolveArtists(
    trx: Trx,
    tracks: readonly TrackToWrite[],
    cache: CatalogCache,
    staged: CatalogCache,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const missing = new Map<string, string>();
    for (const track of tracks) {
      for (const name of [track.tags.albumArtist, ...track.tags.artists]) {
        const key = nameKey(name);
        const cached = cache.artists.get(key);
        if (cached) ids.set(key, cached);
        else if (!missing.has(key)) missing.set(key, name);
      }
    }
    if (missing.size === 0) return ids;

    const keys = [...missing.keys()];
    const found = await trx
      .selectFrom('artists')
      .select(['id', 'nameKey'])
      .where('nameKey', 'in', keys)
      .execute();
    for (const row of found) ids.set(row.nameKey, row.id);
    const toCreate = keys.filter((key) => !ids.has(key));
    if (toCreate.length > 0) {
      const created = await trx
        .insertInto('artists')
        .values(
          toCreate.map((key) => ({
            name: missing.get(key)!,
            nameKey: key,
            sortName: sortName(missing.get(key)!),
          })),
        )
        .onConflict((oc) => oc.column('nameKey').doNothing())
        .returning(['id', 'nameKey'])
        .execute();
      for (const row of created) ids.set(row.nameKey, row.id);
    }
    for (const key of keys) {
      const id = ids.get(key);
      if (!id) throw new Error(`artist "${missing.get(key)}" could not be created`);
      staged.artists.set(key, id);
    }
    return ids;
  }

  /** album key → album id for every album in the batch, creating missing ones with their first cover. */
  private async resolveAlbums(
    trx: Trx,
    tracks: readonly TrackToWrite[],
    artistIds: Map<string, string>,
    cache: CatalogCache,
    staged: CatalogCache,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const missing = new Map<
      string,
      { title: string; titleKey: string; albumArtistId: string; track: TrackToWrite }
    >();
    for (const track of tracks) {
      if (!track.tags.album) continue;
      const albumArtistId = artistIds.get(nameKey(track.tags.albumArtist))!;
      const titleKey = nameKey(track.tags.album);
      const key = CatalogCache.albumKey(albumArtistId, titleKey);
      const cached = cache.albums.get(key);
      if (cached) ids.set(key, cached);
      else if (!missing.has(key))
        missing.set(key, { title: track.tags.album, titleKey, albumArtistId, track });
    }
    if (missing.size === 0) return ids;

    const wanted = [...missing.values()];
    const pairs = sql.join(wanted.map((a) => sql`(${a.albumArtistId}::uuid, ${a.titleKey}::text)`));
    const found = await trx
      .selectFrom('albums')
      .select(['id', 'albumArtistId', 'titleKey', 'coverId'])
      .where(sql<boolean>`(album_artist_id, title_key) in (${pairs})`)
      .execute();
    for (const row of found) {
      const key = CatalogCache.albumKey(row.albumArtistId, row.titleKey);
      ids.set(key, row.id);
      if (row.coverId) staged.albumsWithCover.add(row.id);
    }
    const toCreate = [...missing.entries()].filter(([key]) => !ids.has(key)).map(([, album]) => album);
    if (toCreate.length > 0) {
      const created = await trx
        .insertInto('albums')
        .values(
          toCreate.map((a) => ({
            title: a.title,
            titleKey: a.titleKey,
            albumArtistId: a.albumArtistId,
            year: a.track.tags.year,
            genre: a.track.tags.genre,
            coverId: null,
          })),
        )
        .onConflict((oc) => oc.columns(['albumArtistId', 'titleKey']).doNothing())
        .returning(['id', 'albumArtistId', 'titleKey'])
        .execute();
      for (const row of created) ids.set(CatalogCache.albumKey(row.albumArtistId, row.titleKey), row.id);
    }
    for (const [key, album] of missing) {
      const id = ids.get(key);
      if (!id) throw new Error(`album "${album.title}" could not be created`);
      staged.albums.set(key, id);
    }
    return ids;
  }

  /**
   * Gives albums without a cover the first cover a track of theirs brings (and a year or genre
   * they lack), and gives an album artist without a picture that album cover.
   */
  private async fillAlbumsAndArtists(
    trx: Trx,
    tracks: readonly TrackToWrite[],
    artistIds: Map<string, string>,
    albumIds: Map<string, string>,
    cache: CatalogCache,
    staged: CatalogCache,
  ) {
    const fills = new Map<
      string,
      { coverId: string; year: number | null; genre: string | null; artistId: string }
    >();
    for (const track of tracks) {
      if (!track.tags.album || !track.cover) continue;
      const artistId = artistIds.get(nameKey(track.tags.albumArtist))!;
      const albumId = albumIds.get(CatalogCache.albumKey(artistId, nameKey(track.tags.album)))!;
      if (cache.albumsWithCover.has(albumId) || staged.albumsWithCover.has(albumId) || fills.has(albumId))
        continue;
      fills.set(albumId, {
        coverId: track.cover.id,
        year: track.tags.year,
        genre: track.tags.genre,
        artistId,
      });
    }
    if (fills.size === 0) return;

    const albumValues = sql.join(
      [...fills].map(([id, f]) => sql`(${id}::uuid, ${f.coverId}::text, ${f.year}::int, ${f.genre}::text)`),
    );
    await sql`
      UPDATE albums AS a
      SET cover_id = coalesce(a.cover_id, v.cover_id),
          year = coalesce(a.year, v.year),
          genre = coalesce(a.genre, v.genre)
      FROM (VALUES ${albumValues}) AS v(id, cover_id, year, genre)
      WHERE a.id = v.id AND a.cover_id IS NULL`.execute(trx);
    for (const id of fills.keys()) staged.albumsWithCover.add(id);

    const artistFills = new Map<string, string>();
    for (const f of fills.values()) {
      if (!cache.artistsWithCover.has(f.artistId) && !artistFills.has(f.artistId))
        artistFills.set(f.artistId, f.coverId);
    }
    if (artistFills.size === 0) return;
    const artistValues = sql.join(
      [...artistFills].map(([id, coverId]) => sql`(${id}::uuid, ${coverId}::text)`),
    );
    await sql`
      UPDATE artists AS ar SET cover_id = v.cover_id
      FROM (VALUES ${artistValues}) AS v(id, cover_id)
      WHERE ar.id = v.id AND ar.cover_id IS NULL`.execute(trx);
    for (const id of artistFills.keys()) staged.artistsWithCover.add(id);
  }

  /** Inserts new tracks and updates changed ones in place, by path; returns path → id. */
  private async upsertTracks(
    trx: Trx,
    tracks: readonly TrackToWrite[],
    artistIds: Map<string, string>,
    albumIds: Map<string, string>,
    now: Date,
  ): Promise<Map<string, string>> {
    const rows = tracks.map((track) => {
      const t = track.tags;
      const albumArtistId = artistIds.get(nameKey(t.albumArtist))!;
      return {
        folderId: track.folderId,
        path: track.path,
        size: track.size,
        mtimeMs: track.mtimeMs,
        format: t.format,
        mime: t.mime,
        title: t.title,
        titleKey: nameKey(t.title),
        albumId: t.album ? albumIds.get(CatalogCache.albumKey(albumArtistId, nameKey(t.album)))! : null,
        trackNo: t.trackNo,
        trackTotal: t.trackTotal,
        discNo: t.discNo,
        year: t.year,
        genre: t.genre,
        durationMs: t.durationMs,
        bitrate: t.bitrate,
        sampleRate: t.sampleRate,
        channels: t.channels,
        codec: t.codec,
        replaygainTrackGain: t.replaygainTrackGain,
        replaygainTrackPeak: t.replaygainTrackPeak,
        replaygainAlbumGain: t.replaygainAlbumGain,
        replaygainAlbumPeak: t.replaygainAlbumPeak,
        coverId: track.cover?.id ?? null,
        hasLyrics: track.lyrics.length > 0,
        createdAt: now,
        updatedAt: now,
      };
    });
    const result = await trx
      .insertInto('tracks')
      .values(rows)
      .onConflict((oc) =>
        oc.column('path').doUpdateSet((eb) => ({
          folderId: eb.ref('excluded.folderId'),
          size: eb.ref('excluded.size'),
          mtimeMs: eb.ref('excluded.mtimeMs'),
          format: eb.ref('excluded.format'),
          mime: eb.ref('excluded.mime'),
          title: eb.ref('excluded.title'),
          titleKey: eb.ref('excluded.titleKey'),
          albumId: eb.ref('excluded.albumId'),
          trackNo: eb.ref('excluded.trackNo'),
          trackTotal: eb.ref('excluded.trackTotal'),
          discNo: eb.ref('excluded.discNo'),
          year: eb.ref('excluded.year'),
          genre: eb.ref('excluded.genre'),
          durationMs: eb.ref('excluded.durationMs'),
          bitrate: eb.ref('excluded.bitrate'),
          sampleRate: eb.ref('excluded.sampleRate'),
          channels: eb.ref('excluded.channels'),
          codec: eb.ref('excluded.codec'),
          replaygainTrackGain: eb.ref('excluded.replaygainTrackGain'),
          replaygainTrackPeak: eb.ref('excluded.replaygainTrackPeak'),
          replaygainAlbumGain: eb.ref('excluded.replaygainAlbumGain'),
          replaygainAlbumPeak: eb.ref('excluded.replaygainAlbumPeak'),
          coverId: eb.ref('excluded.coverId'),
          hasLyrics: eb.ref('excluded.hasLyrics'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .returning(['id', 'path'])
      .execute();
    return new Map(result.map((row) => [row.path, row.id]));
  }

  private async replaceTrackArtists(
    trx: Trx,
    tracks: readonly TrackToWrite[],
    ids: Map<string, string>,
    artistIds: Map<string, string>,
  ) {
    const updated = tracks.filter((t) => t.existingId).map((t) => ids.get(t.path)!);
    if (updated.length > 0) await trx.deleteFrom('trackArtists').where('trackId', 'in', updated).execute();
    const rows: { trackId: string; artistId: string; position: number }[] = [];
    for (const track of tracks) {
      const trackId = ids.get(track.path)!;
      const seen = new Set<string>();
      for (const name of track.tags.artists) {
        const artistId = artistIds.get(nameKey(name))!;
        if (seen.has(artistId)) continue;
        seen.add(artistId);
        rows.push({ trackId, artistId, position: seen.size - 1 });
      }
    }
    if (rows.length > 0) await trx.insertInto('trackArtists').values(rows).execute();
  }

  private async replaceLyrics(trx: Trx, tracks: readonly TrackToWrite[], ids: Map<string, string>) {
    const updated = tracks.filter((t) => t.existingId).map((t) => ids.get(t.path)!);
    if (updated.length > 0) await trx.deleteFrom('lyrics').where('trackId', 'in', updated).execute();
    const rows = tracks.flatMap((track) =>
      track.lyrics.map((doc) => ({
        trackId: ids.get(track.path)!,
        lang: doc.lang,
        isTranslation: doc.isTranslation,
        source: doc.source,
        synced: doc.synced,
        lines: JSON.stringify(doc.lines),
      })),
    );
    if (rows.length > 0) await trx.insertInto('lyrics').values(rows).execute();
  }
}
