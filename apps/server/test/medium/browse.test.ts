import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { BrowseRepository } from '../../src/modules/library/browse/browse.repository.ts';
import { browseRoutes } from '../../src/modules/library/browse/browse.routes.ts';
import { BrowseService, type Listing } from '../../src/modules/library/browse/browse.service.ts';
import { encodeCursor } from '../../src/modules/library/browse/cursor.ts';
import {
  aCover,
  aTrack,
  anAlbum,
  anArtist,
  lyricsFor,
  type BuiltAlbum,
  type BuiltArtist,
  type BuiltTrack,
} from '../factories/catalog.ts';
import { fixedSessions } from '../support/fixed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/*
 * Sort keys are plain lower-case ASCII so the expected orders below can be computed with `<`
 * and agree with any database collation; ids are UUIDs, which sort the same as their hex text.
 */

interface TrackRecord {
  id: string;
  titleKey: string;
  /** microseconds: several tracks share a millisecond, some share the whole timestamp */
  createdAt: string;
  durationMs: number;
  albumId: string | null;
  artistIds: string[];
}

interface AlbumRecord {
  id: string;
  titleKey: string;
  createdAt: string;
  year: number | null;
}

interface ArtistRecord {
  id: string;
  sortName: string;
  createdAt: string;
}

const { sessions, headers: auth } = fixedSessions('test-token');

const words = [
  'amber',
  'breeze',
  'cinder',
  'dawn',
  'ember',
  'fable',
  'glow',
  'harbor',
  'ivory',
  'jade',
  'kite',
  'lumen',
  'meadow',
  'nectar',
  'orbit',
  'prism',
  'quill',
  'river',
  'solace',
  'tide',
];

const micros = (n: number) => `2026-03-01T12:00:00.${String(n).padStart(6, '0')}Z`;

type Key = string | number | null;
/** ascending by key then id; nulls last in both directions, like the API */
function sortedIds<T extends { id: string }>(
  rows: T[],
  key: (row: T) => Key,
  order: 'asc' | 'desc',
): string[] {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (a: Key, b: Key) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -sign : sign);
  return [...rows].sort((a, b) => cmp(key(a), key(b)) || (a.id < b.id ? -sign : sign)).map((r) => r.id);
}

async function pageAll<T extends { id: string }>(
  fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await fetch(cursor);
    ids.push(...page.items.map((item) => item.id));
    pages.push(page.items.length);
    if (page.nextCursor === null) return { ids, pages };
    cursor = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

let testDb: TestDatabase;
let db: Db;
let service: BrowseService;
let app: FastifyInstance;

const tracks: TrackRecord[] = [];
const albums: AlbumRecord[] = [];
const artists: ArtistRecord[] = [];

let jay: BuiltArtist;
let adele: BuiltArtist;
let coldplay: BuiltArtist;
let daft: BuiltArtist;
let various: BuiltArtist;
let loner: BuiltArtist;
let yehuimei: BuiltAlbum;
let fantexi: BuiltAlbum;
let demos: BuiltAlbum;
let hits: BuiltAlbum;
let box: BuiltAlbum;
let qingtian: BuiltTrack;
let duet: BuiltTrack;
let single: BuiltTrack;
let boxOrder: string[];
let feat: BuiltTrack;
let featCredits: BuiltArtist[];
let covers: { yehuimei: string; fantexi: string; adele: string; single: string };

async function artist(name: string, sortName: string, createdAt: string, id?: string): Promise<BuiltArtist> {
  let builder = anArtist().named(name).sortedAs(sortName).createdAtTime(createdAt);
  if (id) builder = builder.withId(id);
  const built = await builder.build(db);
  artists.push({ id: built.id, sortName, createdAt });
  return built;
}

async function album(
  title: string,
  titleKey: string,
  by: BuiltArtist,
  year: number | null,
  createdAt: string,
  coverId?: string,
): Promise<BuiltAlbum> {
  let builder = anAlbum().titled(title, titleKey).by(by).year(year).createdAtTime(createdAt);
  if (coverId) builder = builder.withCover(coverId);
  const built = await builder.build(db);
  albums.push({ id: built.id, titleKey, createdAt, year });
  return built;
}

async function track(
  titleKey: string,
  credits: BuiltArtist[],
  onAlbum: BuiltAlbum | null,
  i: number,
  options: { title?: string; trackNo?: number | null; discNo?: number | null; coverId?: string } = {},
): Promise<BuiltTrack> {
  const durationMs = 180_000 + (i % 9) * 1000;
  const createdAt = micros(Math.floor(i / 3));
  let builder = aTrack()
    .titled(options.title ?? titleKey, titleKey)
    .by(...credits)
    .lasting(durationMs)
    .number(options.trackNo ?? null, options.discNo ?? null)
    .createdAtTime(createdAt);
  if (onAlbum) builder = builder.on(onAlbum);
  if (options.coverId) builder = builder.withCover(options.coverId);
  const built = await builder.build(db);
  tracks.push({
    id: built.id,
    titleKey,
    createdAt,
    durationMs,
    albumId: onAlbum?.id ?? null,
    artistIds: credits.map((c) => c.id),
  });
  return built;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  service = new BrowseService(new BrowseRepository(db));
  app = await buildApp({ logger: false, sessions, routes: [browseRoutes({ db })] });

  covers = {
    yehuimei: await aCover(db),
    fantexi: await aCover(db),
    adele: await aCover(db),
    single: await aCover(db),
  };

  jay = await artist('周杰伦', 'zhoujielun', micros(1));
  adele = await artist('Adele', 'adele', micros(1)); // same instant as jay: the id decides
  coldplay = await artist('Coldplay', 'coldplay', micros(2));
  daft = await artist('Daft Punk', 'daftpunk', micros(3));
  various = await artist('Various Artists', 'variousartists', micros(0));
  loner = await artist('Loner', 'loner', micros(5));
  await db.updateTable('artists').set({ coverId: covers.adele }).where('id', '=', adele.id).execute();

  yehuimei = await album('叶惠美', 'yehuimei', jay, 2003, micros(10), covers.yehuimei);
  fantexi = await album('范特西', 'fantexi', jay, 2001, micros(11), covers.fantexi);
  demos = await album('Demos', 'demos', jay, null, micros(11));
  const twentyFive = await album('25', 'twentyfive', adele, 2015, micros(12));
  const viva = await album('Viva la Vida', 'vivalavida', coldplay, 2008, micros(13));
  const unknown = await album('Unknown', 'unknown', coldplay, null, micros(14));
  hits = await album('Hits', 'hits', various, 2015, micros(15));
  box = await album('Box', 'box', adele, 2020, micros(16));

  // 51 tracks spread over the albums: three share each title, several a duration or instant.
  const spread: [BuiltAlbum, BuiltArtist[]][] = [
    [yehuimei, [jay]],
    [fantexi, [jay]],
    [demos, [jay]],
    [twentyFive, [adele]],
    [viva, [coldplay]],
    [unknown, [coldplay]],
    [hits, [daft]],
  ];
  for (let i = 0; i < 51; i++) {
    const [onAlbum, credits] = spread[i % spread.length]!;
    await track(words[i % words.length]!, credits, onAlbum, i);
  }
  qingtian = await track('qingtian', [jay], yehuimei, 52, { title: '晴天', trackNo: 1 });
  single = await track('single', [loner], null, 53, { coverId: covers.single });

  duet = await track('duet', [jay, daft], hits, 54);
  // Credit order against the order of creation, of ids and of insertion: only `position` gives it.
  const second = await artist('Second', 'second', micros(6), '00000000-0000-4000-8000-000000000001');
  const first = await artist('First', 'first', micros(7), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  feat = await track('feat', [], null, 51);
  await db
    .insertInto('trackArtists')
    .values({ trackId: feat.id, artistId: second.id, position: 1 })
    .execute();
  await db.insertInto('trackArtists').values({ trackId: feat.id, artistId: first.id, position: 0 }).execute();
  tracks.at(-1)!.artistIds = [first.id, second.id];
  featCredits = [first, second];

  // Box set written out of order: disc 2 first, an unnumbered track, a track without a disc.
  const b3 = await track('boxthree', [adele], box, 55, { trackNo: 1, discNo: 2 });
  const bx = await track('boxunnumbered', [adele], box, 56, { trackNo: null, discNo: 1 });
  const b1 = await track('boxtwo', [adele], box, 57, { trackNo: 2, discNo: 1 });
  const b0 = await track('boxone', [adele], box, 58, { trackNo: 1, discNo: 1 });
  const bn = await track('boxnodisc', [adele], box, 59, { trackNo: 3, discNo: null });
  boxOrder = [b0.id, b1.id, bn.id, bx.id, b3.id];

  await lyricsFor(qingtian)
    .lines([
      { timeMs: 0, text: '故事的小黄花' },
      { timeMs: 4200, text: '从出生那年就飘着' },
    ])
    .build(db);
  await lyricsFor(qingtian)
    .translatedTo('ja')
    .lines([{ timeMs: 0, text: '物語の小さな黄色い花' }])
    .build(db);
  await lyricsFor(qingtian)
    .translatedTo('en')
    .lines([{ timeMs: 0, text: 'The little yellow flower of the story' }])
    .build(db);
  await lyricsFor(single)
    .unsynced()
    .embedded()
    .lines([{ timeMs: null, text: 'alone' }])
    .build(db);
});

afterAll(async () => {
  await app?.close();
  await testDb?.drop();
});

const get = (url: string, headers: Record<string, string> = auth) =>
  app.inject({ method: 'GET', url, headers });

function viaHttp<T extends { id: string }>(path: string) {
  return async (cursor: string | undefined): Promise<Listing<T>> => {
    const url = cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path;
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { data: T[]; nextCursor: string | null };
    return { items: body.data, nextCursor: body.nextCursor };
  };
}

describe('track lists', () => {
  const keys = {
    title: (t: TrackRecord) => t.titleKey,
    newest: (t: TrackRecord) => t.createdAt,
    duration: (t: TrackRecord) => t.durationMs,
  };
  const defaults = { title: 'asc', newest: 'desc', duration: 'asc' } as const;

  for (const sort of ['title', 'newest', 'duration'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every track once by ${sort} ${order} (service)`, async () => {
        const { ids, pages } = await pageAll((cursor) =>
          service.listTracks({ limit: 7, sort, order, cursor }),
        );
        expect(ids).toEqual(sortedIds(tracks, keys[sort], order));
        expect(pages.slice(0, -1).every((n) => n === 7)).toBe(true);
      });

      it(`pages through every track once by ${sort} ${order} (HTTP)`, async () => {
        const { ids } = await pageAll(viaHttp(`/api/v1/tracks?limit=7&sort=${sort}&order=${order}`));
        expect(ids).toEqual(sortedIds(tracks, keys[sort], order));
      });
    }

    it(`sorts by ${sort} in its natural direction by default`, async () => {
      const { ids } = await pageAll(viaHttp(`/api/v1/tracks?limit=9&sort=${sort}`));
      expect(ids).toEqual(sortedIds(tracks, keys[sort], defaults[sort]));
    });
  }

  it('returns 50 by title when asked nothing, with a cursor to the rest', async () => {
    const body = (await get('/api/v1/tracks')).json() as {
      data: { id: string }[];
      nextCursor: string | null;
    };
    expect(body.data.map((t) => t.id)).toEqual(sortedIds(tracks, keys.title, 'asc').slice(0, 50));
    expect(body.nextCursor).not.toBeNull();
  });

  it('ends without an empty page when the last page is full', async () => {
    const { pages } = await pageAll((cursor) =>
      service.listTracks({ limit: tracks.length / 2, sort: 'title', cursor }),
    );
    expect(pages).toEqual([tracks.length / 2, tracks.length / 2]);
  });

  it('filters by album and by credited artist', async () => {
    const onHits = await pageAll(viaHttp(`/api/v1/tracks?limit=3&albumId=${hits.id}`));
    expect(onHits.ids).toEqual(
      sortedIds(
        tracks.filter((t) => t.albumId === hits.id),
        keys.title,
        'asc',
      ),
    );

    const byDaft = await pageAll(viaHttp(`/api/v1/tracks?limit=3&sort=newest&artistId=${daft.id}`));
    expect(byDaft.ids).toEqual(
      sortedIds(
        tracks.filter((t) => t.artistIds.includes(daft.id)),
        keys.newest,
        'desc',
      ),
    );
    expect(byDaft.ids).toContain(duet.id);
  });
});

describe('a track', () => {
  it('lists its artists in credit order', async () => {
    const { data } = (await get(`/api/v1/tracks/${feat.id}`)).json();
    expect(data.artists).toEqual(featCredits.map((a) => ({ id: a.id, name: a.name })));
  });

  it('has its album and album artist', async () => {
    const response = await get(`/api/v1/tracks/${duet.id}`);
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data.artists).toEqual([
      { id: jay.id, name: '周杰伦' },
      { id: daft.id, name: 'Daft Punk' },
    ]);
    expect(data.album).toEqual({ id: hits.id, title: 'Hits' });
    expect(data.albumArtist).toEqual({ id: various.id, name: 'Various Artists' });
    expect(data.streamUrl).toBe(`/api/v1/tracks/${duet.id}/stream`);
    expect(data.coverUrl).toBeNull();
    expect(data.hasLyrics).toBe(false);
  });

  it("falls back to the album's cover and prefers its own", async () => {
    expect((await service.getTrack(qingtian.id)).coverId).toBe(covers.yehuimei);
    const { data } = (await get(`/api/v1/tracks/${single.id}`)).json();
    expect(data.coverUrl).toBe(`/api/v1/covers/${covers.single}`);
    expect(data.album).toBeNull();
    expect(data.albumArtist).toBeNull();
    expect(data.title).toBe('single');
  });

  it('is 404 when unknown or malformed', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      const response = await get(`/api/v1/tracks/${encodeURIComponent(id)}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('track_not_found');
    }
  });
});

describe('album lists', () => {
  const keys = {
    title: (a: AlbumRecord) => a.titleKey,
    newest: (a: AlbumRecord) => a.createdAt,
    year: (a: AlbumRecord) => a.year,
  };

  for (const sort of ['title', 'newest', 'year'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every album once by ${sort} ${order}`, async () => {
        const { ids } = await pageAll(viaHttp(`/api/v1/albums?limit=3&sort=${sort}&order=${order}`));
        expect(ids).toEqual(sortedIds(albums, keys[sort], order));
      });
    }
  }

  it('puts albums of unknown year last either way', async () => {
    const { ids } = await pageAll((cursor) => service.listAlbums({ limit: 2, sort: 'year', cursor }));
    expect(ids.slice(-2).sort()).toEqual([demos.id, albums.find((a) => a.titleKey === 'unknown')!.id].sort());
    expect(ids[0]).toBe(box.id);
  });

  it('shuffles by seed: stable, complete, never repeating across pages', async () => {
    const seed = 'party42';
    const md5 = (id: string) => createHash('md5').update(`${id}${seed}`).digest('hex');
    const expected = [...albums].sort((a, b) => (md5(a.id) < md5(b.id) ? -1 : 1)).map((a) => a.id);
    const first = await pageAll(viaHttp(`/api/v1/albums?limit=3&sort=random&seed=${seed}`));
    const again = await pageAll(viaHttp(`/api/v1/albums?limit=3&sort=random&seed=${seed}`));
    expect(first.ids).toEqual(expected);
    expect(again.ids).toEqual(expected);
  });

  it('carries a fresh shuffle on in the cursor when no seed is given', async () => {
    const { ids } = await pageAll((cursor) => service.listAlbums({ limit: 3, sort: 'random', cursor }));
    expect([...ids].sort()).toEqual(albums.map((a) => a.id).sort());
  });

  it('refuses a cursor of another shuffle', async () => {
    const first = await service.listAlbums({ limit: 3, sort: 'random', seed: 'one' });
    const response = await get(
      `/api/v1/albums?sort=random&seed=two&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_cursor');
  });

  it("filters by album artist and counts each album's tracks and length", async () => {
    const { data } = (await get(`/api/v1/albums?artistId=${jay.id}`)).json();
    expect(data.map((a: { id: string }) => a.id)).toEqual(
      sortedIds(
        albums.filter((a) => [yehuimei.id, fantexi.id, demos.id].includes(a.id)),
        keys.title,
        'asc',
      ),
    );
    const ye = data.find((a: { id: string }) => a.id === yehuimei.id);
    const onYe = tracks.filter((t) => t.albumId === yehuimei.id);
    expect(ye.trackCount).toBe(onYe.length);
    expect(ye.durationMs).toBe(onYe.reduce((sum, t) => sum + t.durationMs, 0));
    expect(ye.artist).toEqual({ id: jay.id, name: '周杰伦' });
    expect(ye.coverUrl).toBe(`/api/v1/covers/${covers.yehuimei}`);
  });
});

describe('an album', () => {
  it('lists its tracks by disc, track number, then title', async () => {
    const response = await get(`/api/v1/albums/${box.id}`);
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data.tracks.map((t: { id: string }) => t.id)).toEqual(boxOrder);
    expect(data.trackCount).toBe(5);
    expect(data.year).toBe(2020);
  });

  it('is 404 when unknown or malformed', async () => {
    for (const id of [randomUUID(), 'box']) {
      const response = await get(`/api/v1/albums/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('album_not_found');
    }
  });
});

describe('artist lists', () => {
  const keys = { name: (a: ArtistRecord) => a.sortName, newest: (a: ArtistRecord) => a.createdAt };
  for (const sort of ['name', 'newest'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every artist once by ${sort} ${order}`, async () => {
        const { ids } = await pageAll(viaHttp(`/api/v1/artists?limit=2&sort=${sort}&order=${order}`));
        expect(ids).toEqual(sortedIds(artists, keys[sort], order));
      });
    }
  }

  it('counts albums and credited tracks, and finds a cover', async () => {
    const { data } = (await get('/api/v1/artists?limit=200')).json();
    const byId = new Map(data.map((a: { id: string }) => [a.id, a]));
    expect(byId.get(jay.id)).toEqual({
      id: jay.id,
      name: '周杰伦',
      albumCount: 3,
      trackCount: tracks.filter((t) => t.artistIds.includes(jay.id)).length,
      // no image of his own: the newest album with a cover
      coverUrl: `/api/v1/covers/${covers.yehuimei}`,
    });
    expect(byId.get(adele.id)).toMatchObject({ coverUrl: `/api/v1/covers/${covers.adele}`, albumCount: 2 });
    expect(byId.get(coldplay.id)).toMatchObject({ coverUrl: null });
  });
});

describe('an artist', () => {
  it('has albums newest first, albums appeared on and top tracks', async () => {
    const response = await get(`/api/v1/artists/${jay.id}`);
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data.albums.map((a: { id: string }) => a.id)).toEqual([yehuimei.id, fantexi.id, demos.id]);
    expect(data.appearsOn.map((a: { id: string }) => a.id)).toEqual([hits.id]);
    const credited = tracks.filter((t) => t.artistIds.includes(jay.id));
    expect(credited.length).toBeGreaterThan(10);
    expect(data.topTracks.map((t: { id: string }) => t.id)).toEqual(
      sortedIds(credited, (t) => t.titleKey, 'asc').slice(0, 10),
    );
  });

  it('only appears on albums of others', async () => {
    const detail = await service.getArtist(daft.id);
    expect(detail.albums).toEqual([]);
    expect(detail.appearsOn.map((a) => a.id)).toEqual([hits.id]);
    const lone = await service.getArtist(loner.id);
    expect(lone.albums).toEqual([]);
    expect(lone.appearsOn).toEqual([]);
    expect(lone.topTracks.map((t) => t.id)).toEqual([single.id]);
  });

  it('is 404 when unknown or malformed', async () => {
    for (const id of [randomUUID(), '42']) {
      const response = await get(`/api/v1/artists/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('artist_not_found');
    }
  });
});

describe('lyrics', () => {
  it('come with the first translation by language tag by default', async () => {
    const response = await get(`/api/v1/tracks/${qingtian.id}/lyrics`);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual({
      trackId: qingtian.id,
      synced: true,
      source: 'sidecar',
      lines: [
        { timeMs: 0, text: '故事的小黄花' },
        { timeMs: 4200, text: '从出生那年就飘着' },
      ],
      translation: { lang: 'en', lines: [{ timeMs: 0, text: 'The little yellow flower of the story' }] },
      translations: ['en', 'ja'],
    });
  });

  it('come with the translation asked for, or none when it does not exist', async () => {
    const ja = (await get(`/api/v1/tracks/${qingtian.id}/lyrics?translation=ja`)).json().data;
    expect(ja.translation.lang).toBe('ja');
    expect(ja.translation.lines[0].text).toBe('物語の小さな黄色い花');
    const fr = (await get(`/api/v1/tracks/${qingtian.id}/lyrics?translation=fr`)).json().data;
    expect(fr.translation).toBeNull();
    expect(fr.translations).toEqual(['en', 'ja']);
  });

  it('without any translation', async () => {
    const lyrics = await service.getLyrics(single.id);
    expect(lyrics.translation).toBeNull();
    expect(lyrics.translations).toEqual([]);
    const { data } = (await get(`/api/v1/tracks/${single.id}/lyrics`)).json();
    expect(data).toMatchObject({
      synced: false,
      source: 'embedded',
      lines: [{ timeMs: null, text: 'alone' }],
    });
  });

  it('are 404 for a track without lyrics, and for no track', async () => {
    const none = await get(`/api/v1/tracks/${duet.id}/lyrics`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('lyrics_not_found');
    for (const id of [randomUUID(), 'nope']) {
      const missing = await get(`/api/v1/tracks/${id}/lyrics`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('track_not_found');
    }
  });
});

describe('bad requests', () => {
  const titleCursor = encodeCursor({ sort: 'title:asc', key: 'amber', id: randomUUID() });

  it.each([
    ['a cursor that is not one', '/api/v1/tracks?cursor=not-a-cursor!'],
    ['a cursor of random bytes', `/api/v1/tracks?cursor=${Buffer.from('{"a":1}').toString('base64url')}`],
    ['a cursor of another sort', `/api/v1/tracks?sort=newest&cursor=${titleCursor}`],
    ['a cursor of another direction', `/api/v1/tracks?order=desc&cursor=${titleCursor}`],
    [
      'a cursor with an impossible time',
      `/api/v1/tracks?sort=newest&cursor=${encodeCursor({ sort: 'newest:desc', key: '2026-02-30T00:00:00.000000Z', id: randomUUID() })}`,
    ],
    [
      'a cursor whose id is not a uuid',
      `/api/v1/artists?cursor=${encodeCursor({ sort: 'name:asc', key: 'a', id: 'x' })}`,
    ],
  ])('%s is 400 invalid_cursor', async (_name, url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_cursor');
  });

  it.each([
    '/api/v1/tracks?limit=201',
    '/api/v1/tracks?limit=10000',
    '/api/v1/tracks?limit=0',
    '/api/v1/tracks?limit=abc',
    '/api/v1/tracks?sort=popularity',
    '/api/v1/tracks?order=up',
    '/api/v1/tracks?albumId=abc',
    '/api/v1/albums?limit=500',
    '/api/v1/albums?sort=random&seed=no%20spaces',
    '/api/v1/artists?sort=title',
    '/api/v1/tracks/00000000-0000-0000-0000-000000000000/lyrics?translation=%3Cscript%3E',
  ])('%s is 400 validation_failed', async (url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('a page of 200 is allowed', async () => {
    const response = await get('/api/v1/tracks?limit=200');
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toHaveLength(tracks.length);
  });
});

describe('anonymous requests', () => {
  it.each([
    '/api/v1/tracks',
    '/api/v1/albums',
    '/api/v1/artists',
    `/api/v1/tracks/${randomUUID()}`,
    `/api/v1/tracks/${randomUUID()}/lyrics`,
    `/api/v1/albums/${randomUUID()}`,
    `/api/v1/artists/${randomUUID()}`,
  ])('%s is 401', async (url) => {
    const anonymous: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }];
    for (const headers of anonymous) {
      const response = await get(url, headers);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    }
  });
});

describe('the contract', () => {
  it('documents the routes with named components', async () => {
    const response = await get('/api/docs/json', {});
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/tracks',
        '/api/v1/tracks/{id}/lyrics',
        '/api/v1/albums/{id}',
        '/api/v1/artists',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Track',
        'Album',
        'AlbumDetail',
        'Artist',
        'ArtistDetail',
        'Lyrics',
        'TrackPage',
      ]),
    );
  });
});
