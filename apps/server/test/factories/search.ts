import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { mulberry32 } from '../../src/modules/demo/prng.ts';

/**
 * Builds catalog rows straight into the database for search tests: artists and albums are
 * created on first mention by name, tracks need only a title and who sings them.
 *
 *   const catalog = searchCatalog(db);
 *   const sunny = await catalog.track('晴天', { by: '周杰伦', album: '叶惠美' });
 */
export interface TrackSpec {
  /** artist name(s); created when new */
  by: string | string[];
  /** album title, by the first artist; created when new */
  album?: string;
  durationMs?: number;
}

export interface SearchCatalog {
  artist(name: string): Promise<string>;
  album(title: string, artistName: string): Promise<string>;
  track(title: string, spec: TrackSpec): Promise<string>;
  user(username: string, nickname: string): Promise<string>;
  /** sets a document's popularity in the search index (play counts will do this later) */
  setPopularity(kind: 'track' | 'album' | 'artist' | 'user', id: string, popularity: number): Promise<void>;
}

export function searchCatalog(db: Db): SearchCatalog {
  const artists = new Map<string, Promise<string>>();
  const albums = new Map<string, Promise<string>>();
  let folder: Promise<string> | undefined;

  const folderId = () =>
    (folder ??= db
      .insertInto('libraryFolders')
      .values({ path: `/music/${randomUUID()}` })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id));

  const catalog: SearchCatalog = {
    artist(name) {
      let id = artists.get(name);
      if (!id) {
        id = db
          .insertInto('artists')
          .values({ name, nameKey: `${name.toLowerCase()}#${randomUUID()}`, sortName: name.toLowerCase() })
          .returning('id')
          .executeTakeFirstOrThrow()
          .then((r) => r.id);
        artists.set(name, id);
      }
      return id;
    },

    album(title, artistName) {
      const key = `${artistName}\u0000${title}`;
      let id = albums.get(key);
      if (!id) {
        id = catalog.artist(artistName).then((albumArtistId) =>
          db
            .insertInto('albums')
            .values({ title, titleKey: title.toLowerCase(), albumArtistId })
            .returning('id')
            .executeTakeFirstOrThrow()
            .then((r) => r.id),
        );
        albums.set(key, id);
      }
      return id;
    },

    async track(title, spec) {
      const names = Array.isArray(spec.by) ? spec.by : [spec.by];
      const artistIds = [];
      for (const name of names) artistIds.push(await catalog.artist(name));
      const albumId = spec.album ? await catalog.album(spec.album, names[0]!) : null;
      const { id } = await db
        .insertInto('tracks')
        .values({
          folderId: await folderId(),
          path: `/music/${randomUUID()}.flac`,
          size: 1000,
          mtimeMs: 0,
          format: 'flac',
          mime: 'audio/flac',
          title,
          titleKey: title.toLowerCase(),
          albumId,
          durationMs: spec.durationMs ?? 200_000,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('trackArtists')
        .values(artistIds.map((artistId, position) => ({ trackId: id, artistId, position })))
        .execute();
      return id;
    },

    async user(username, nickname) {
      const { id } = await db
        .insertInto('users')
        .values({ username, nickname, passwordHash: 'not-a-hash' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    async setPopularity(kind, id, popularity) {
      await sql`UPDATE search_documents SET popularity = ${popularity} WHERE kind = ${kind} AND ref_id = ${id}`.execute(
        db,
      );
    },
  };
  return catalog;
}

const fillerHan = '海风雨月光心梦夜花春秋爱远方城市山河星空歌声路云雪蓝白红流年少时间故事';
const fillerWords = [
  'love',
  'night',
  'dream',
  'blue',
  'heart',
  'fire',
  'rain',
  'summer',
  'city',
  'light',
  'road',
  'home',
];

/**
 * Noise around the tracks a test cares about: `artists` made-up artists with `tracksEach`
 * tracks, half Chinese and half Latin, none containing the characters or words used in queries.
 */
export async function addFillerCatalog(
  catalog: SearchCatalog,
  options: { seed: number; artists: number; tracksEach: number },
): Promise<void> {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const han = (n: number) => Array.from({ length: n }, () => pick(Array.from(fillerHan))).join('');
  const latin = (n: number) => Array.from({ length: n }, () => pick(fillerWords)).join(' ');
  for (let a = 0; a < options.artists; a++) {
    const chinese = a % 2 === 0;
    const artist = chinese ? `${han(3)}乐队` : `The ${latin(1)} ${a}`;
    const album = chinese ? han(4) : latin(2);
    for (let t = 0; t < options.tracksEach; t++) {
      const title = chinese ? han(2 + Math.floor(random() * 3)) : latin(1 + Math.floor(random() * 3));
      await catalog.track(
        title.replace(/^./, (c) => c.toUpperCase()),
        { by: artist, album },
      );
    }
  }
}
