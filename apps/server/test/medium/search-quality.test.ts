import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchModule, type SearchModule } from '../../src/modules/search/search.module.ts';
import type { SearchResults, SearchType } from '../../src/modules/search/search.service.ts';
import { addFillerCatalog, searchCatalog } from '../factories/search.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Does search find what Chinese and English speakers type? A seeded catalog of about 200
 * documents (famous names, distractors such as 晴天娃娃 and 青天, and generated filler) and a
 * table of queries with the result a listener expects on top.
 */

let database: TestDatabase;
let search: SearchModule;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const catalog = searchCatalog(database.db);
  ids.qingtian = await catalog.track('晴天', { by: '周杰伦', album: '叶惠美' });
  ids.qilixiang = await catalog.track('七里香', { by: '周杰伦', album: '七里香' });
  ids.daoxiang = await catalog.track('稻香', { by: '周杰伦', album: '魔杰座' });
  ids.qinghuaci = await catalog.track('青花瓷', { by: '周杰伦', album: '我很忙' });
  await catalog.track('夜曲', { by: '周杰伦', album: '十一月的萧邦' });
  ids.wawa = await catalog.track('晴天娃娃', { by: '小蓝', album: '童年' });
  ids.qingtianOther = await catalog.track('青天', { by: '包青天合唱团' });
  ids.jiangnan = await catalog.track('江南', { by: '林俊杰', album: '第二天堂' });
  await catalog.track('曹操', { by: '林俊杰', album: '曹操' });
  await catalog.track('十年', { by: '陈奕迅', album: '黑白灰' });
  await catalog.track('浮夸', { by: '陈奕迅', album: 'U87' });
  await catalog.track('好久不见', { by: '陈奕迅', album: '认了吧' });
  await catalog.track('Beautiful Love', { by: '周杰伦', album: '周杰伦的床边故事' });
  ids.elise = await catalog.track('Für Elise', { by: 'Beethoven', album: 'Piano Works' });
  await catalog.track('Moonlight Sonata', { by: 'Beethoven', album: 'Piano Works' });
  await catalog.track('Symphony No. 5', { by: 'Beethoven', album: 'Symphonies' });
  await catalog.track('Elise in Wonderland', { by: 'Elise Band' });
  await catalog.track('Halo', { by: 'Beyoncé', album: 'I Am... Sasha Fierce' });
  await catalog.track('Crazy in Love', { by: ['Beyoncé', 'Jay-Z'], album: 'Dangerously in Love' });
  ids.bohemian = await catalog.track('Bohemian Rhapsody', { by: 'Queen', album: 'A Night at the Opera' });
  await catalog.track("Don't Stop Me Now", { by: 'Queen', album: 'Jazz' });
  await catalog.track('Bossa Bohemia Nights', { by: 'Rhapsody Trio' });
  await catalog.track('Bolero', { by: 'Ravel' });
  ids.yesterdayBeatles = await catalog.track('Yesterday', { by: 'The Beatles', album: 'Help!' });
  ids.yesterdayCover = await catalog.track('Yesterday', { by: 'Cover Band' });
  await addFillerCatalog(catalog, { seed: 7, artists: 16, tracksEach: 6 });
  ids.userSunny = await catalog.user('sunny_day', '晴天');
  ids.userJay = await catalog.user('jay_fan', '小周');

  search = createSearchModule({ db: database.db });
  await search.indexer.reindexAll();
  // Listeners play the famous songs more (play counts will set this later).
  await catalog.setPopularity('track', ids.qingtian, 100);
  await catalog.setPopularity('track', ids.wawa, 300);
  await catalog.setPopularity('track', ids.qilixiang, 80);
  await catalog.setPopularity('track', ids.qingtianOther, 5);
  await catalog.setPopularity('track', ids.yesterdayBeatles, 50);
  await catalog.setPopularity('track', ids.yesterdayCover, 10);
});

afterAll(async () => {
  await database?.drop();
});

const find = (q: string, type: SearchType = 'all', limit?: number): Promise<SearchResults> =>
  search.service.search({ q, type, limit });

describe('the catalog is big enough to rank', () => {
  it('has about 200 documents', async () => {
    const { count } = await database.db
      .selectFrom('searchDocuments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBeGreaterThanOrEqual(180);
  });
});

describe('the top track is what the listener meant', () => {
  const topTrack: [query: string, expected: string][] = [
    ['晴天', '晴天'],
    ['qingtian', '晴天'],
    ['qing tian', '晴天'],
    ['QingTian', '晴天'],
    ['周杰伦 晴天', '晴天'],
    ['周杰伦晴天', '晴天'],
    ['zhoujielun qingtian', '晴天'],
    ['七里香', '七里香'],
    ['qilixiang', '七里香'],
    ['fur elise', 'Für Elise'],
    ['Für Elise', 'Für Elise'],
    ['FÜR ELISE', 'Für Elise'],
    ['bohemian', 'Bohemian Rhapsody'],
    ['bohemian rhapsody', 'Bohemian Rhapsody'],
    ['bohemain rhapsody', 'Bohemian Rhapsody'],
    ["don't stop", "Don't Stop Me Now"],
    ['dont stop me', "Don't Stop Me Now"],
    ['稻香', '稻香'],
    ['江南', '江南'],
  ];
  it.each(topTrack)('%s → %s', async (query, expected) => {
    const { tracks } = await find(query, 'track');
    expect(tracks[0]?.title).toBe(expected);
  });

  it('an exact title beats a longer, more popular title that starts with it (晴天 before 晴天娃娃)', async () => {
    const titles = (await find('晴天', 'track')).tracks.map((t) => t.title);
    expect(titles.indexOf('晴天')).toBeLessThan(titles.indexOf('晴天娃娃'));
    expect(titles).toContain('晴天娃娃');
  });

  it('a single character finds the titles containing it (晴)', async () => {
    const titles = (await find('晴', 'track')).tracks.slice(0, 3).map((t) => t.title);
    expect(titles.some((t) => t.includes('晴'))).toBe(true);
  });

  it('initials find the song (qt → 晴天 in the top 3)', async () => {
    const titles = (await find('qt', 'track')).tracks.slice(0, 3).map((t) => t.title);
    expect(titles).toContain('晴天');
  });

  it('an artist plus a title finds only that artist’s song', async () => {
    const titles = (await find('周杰伦 晴天', 'track')).tracks.map((t) => t.title);
    expect(titles).toEqual(['晴天']);
  });

  it('the artist’s name finds the artist’s songs as well', async () => {
    const titles = (await find('周杰伦', 'track')).tracks.map((t) => t.title);
    expect(titles).toEqual(expect.arrayContaining(['晴天', '七里香', '稻香', '青花瓷', '夜曲']));
  });

  it('pinyin homophones rank by popularity (晴天 before 青天 for qingtian)', async () => {
    const titles = (await find('qingtian', 'track')).tracks.map((t) => t.title);
    expect(titles.indexOf('晴天')).toBeLessThan(titles.indexOf('青天'));
  });

  it('equal titles rank the more popular first, and follow a change of popularity', async () => {
    const first = async () => (await find('yesterday', 'track')).tracks[0]?.id;
    expect(await first()).toBe(ids.yesterdayBeatles);
    const catalog = searchCatalog(database.db);
    await catalog.setPopularity('track', ids.yesterdayCover!, 70);
    expect(await first()).toBe(ids.yesterdayCover);
    await catalog.setPopularity('track', ids.yesterdayCover!, 10);
  });
});

describe('the top artist is who the listener meant', () => {
  const topArtist: [query: string, expected: string][] = [
    ['zjl', '周杰伦'],
    ['zhoujielun', '周杰伦'],
    ['zhou jie lun', '周杰伦'],
    ['周杰伦', '周杰伦'],
    ['ljj', '林俊杰'],
    ['陈奕迅', '陈奕迅'],
    ['chenyixun', '陈奕迅'],
    ['beethovn', 'Beethoven'],
    ['Beethoven', 'Beethoven'],
    ['beyonce', 'Beyoncé'],
    ['Beyoncé', 'Beyoncé'],
    ['queen', 'Queen'],
  ];
  it.each(topArtist)('%s → %s', async (query, expected) => {
    const { artists } = await find(query);
    expect(artists[0]?.name).toBe(expected);
  });
});

describe('kinds stay apart', () => {
  it('a user named 晴天 is a user, never a track', async () => {
    const tracks = await find('晴天', 'track');
    expect(tracks.users).toEqual([]);
    expect(tracks.tracks.map((t) => t.id)).not.toContain(ids.userSunny);
    const users = await find('晴天', 'user');
    expect(users.users.map((u) => u.id)).toEqual([ids.userSunny]);
    expect(users.tracks).toEqual([]);
  });

  it('a user is found by username too', async () => {
    expect((await find('sunny_day', 'user')).users[0]?.nickname).toBe('晴天');
  });

  it('all returns the top of each kind', async () => {
    const all = await find('晴天');
    expect(all.tracks[0]?.title).toBe('晴天');
    expect(all.users[0]?.nickname).toBe('晴天');
    expect(all.albums).toEqual([]);
    expect(all.nextCursor).toBeNull();
  });

  it('albums are found by title and carry their artist', async () => {
    const { albums } = await find('叶惠美', 'album');
    expect(albums[0]).toMatchObject({ title: '叶惠美', artist: { name: '周杰伦' } });
  });
});

describe('results carry what the app shows', () => {
  it('a track comes with its artists, album and duration', async () => {
    const track = (await find('crazy in love', 'track')).tracks[0];
    expect(track).toMatchObject({
      title: 'Crazy in Love',
      artists: [{ name: 'Beyoncé' }, { name: 'Jay-Z' }],
      album: { title: 'Dangerously in Love' },
      durationMs: 200_000,
      coverId: null,
    });
  });
});

describe('suggestions complete what is being typed', () => {
  const suggestions = async (q: string) => (await search.service.suggest(q)).map((s) => s.text);

  it('qi suggests 七里香 (pinyin prefix)', async () => {
    expect(await suggestions('qi')).toContain('七里香');
  });

  it('七 suggests 七里香 first', async () => {
    expect((await suggestions('七'))[0]).toBe('七里香');
  });

  it('bo suggests Bohemian Rhapsody', async () => {
    expect(await suggestions('bo')).toContain('Bohemian Rhapsody');
  });

  it('bohemian r suggests Bohemian Rhapsody first', async () => {
    expect((await suggestions('bohemian r'))[0]).toBe('Bohemian Rhapsody');
  });

  it('zhouj suggests the artist 周杰伦 first', async () => {
    const [first] = await search.service.suggest('zhouj');
    expect(first).toMatchObject({ kind: 'artist', text: '周杰伦' });
  });

  it('never returns more than 10', async () => {
    expect((await suggestions('e')).length).toBeLessThanOrEqual(10);
  });
});
