/**
 * Search latency on a 100,000-track catalog (fixed seed): half Chinese, half Latin titles and
 * artists. Builds the index with `reindexAll()`, then times ~500 mixed queries (Chinese words,
 * full pinyin with and without spaces, initials, Latin words, typos, artist + title) through
 * the service and over HTTP (app.inject). Goals: search p95 < 30 ms, suggest p95 < 15 ms.
 *
 * Uses a throw-away database: a new one on the server of DATABASE_URL when set (dropped at
 * the end), else an embedded PostgreSQL in a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { createDb, type Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import type { SessionResolver } from '../apps/server/src/http/auth-context.ts';
import { createSearchModule, type SearchModule } from '../apps/server/src/modules/search/search.module.ts';
import { printTable } from './support/table.ts';
import { mulberry32 } from '../apps/server/src/modules/demo/prng.ts';
import { percentiles, timeEach } from './support/latency.ts';
import { throwAwayDatabase } from './support/throw-away-database.ts';

const TRACKS = Number(process.env.BENCH_SEARCH_TRACKS ?? 100_000);
const QUERIES = 500;
const SEED = 20261122;

// Words of song titles, most common first: a musical head, then a long tail (the 2-character
// words of jieba's dictionary; made-up Latin words), drawn with Zipf weights 1/(rank + 10) so
// the commonest word is in a few percent of titles, as `love` is in real catalogs.
const HAN_HEAD = (
  '晴天 爱情 时间 城市 夜晚 星空 回忆 青春 梦想 故乡 月亮 太阳 雨天 海边 微风 花开 离开 等待 永远 孤单 ' +
  '快乐 温柔 勇敢 眼泪 微笑 秘密 远方 天空 森林 河流 夏天 冬天 春天 秋天 雪花 烟火 灯光 街道 车站 ' +
  '咖啡 告白 约定 思念 想念 未来 过去 明天 昨天 今夜 一生 一起 世界 心跳 呼吸 飞翔 旅行 流浪 归途 ' +
  '红色 蓝色 白色 黑夜 黎明 日落 彩虹 玫瑰 蝴蝶 燕子 风筝 钢琴 吉他 歌声 舞曲 情歌 老街 小巷 长城 ' +
  '江南 西湖 北京 上海 香港 台北 东京 纽约 巴黎 重庆 少年 姑娘 朋友 兄弟 父亲 母亲 故事 童话 传说 ' +
  '寂寞 自由 幸福 温暖 遗憾 后来 如果 也许 曾经 从前 当时 最后 第一 七里香 稻香 夜曲 青花瓷 十年'
).split(' ');
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程',
);
const GIVEN = Array.from(
  '伟芳娜敏静丽强磊洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞俊宇轩浩然子涵欣怡雨晨梓轩若曦',
);
const LATIN_HEAD = (
  'love night dream blue heart fire rain summer city light road home river song dance moon star ocean ' +
  'winter spring autumn golden silver shadow wild young forever tonight yesterday tomorrow baby girl boy ' +
  'world paradise heaven angel devil sweet bitter broken lonely happy crazy running falling flying ' +
  'midnight morning sunset sunrise electric velvet crystal diamond thunder storm whisper echo memory ' +
  'garden window mirror island desert mountain valley highway station letter promise secret story'
).split(' ');
const FIRST = (
  'John Paul George Anna Maria Elena Lucas Noah Emma Olivia Liam Sofia Mateo Chloe Felix Clara Hugo ' +
  'Nina Oscar Iris Leon Mila Victor Alice Bruno Celine Diego Freya'
).split(' ');
const LAST = (
  'Smith Johnson Brown Miller Davis Garcia Martinez Wilson Anderson Taylor Thomas Moore Jackson Martin ' +
  'Lee Thompson White Harris Clark Lewis Walker Young Allen King Wright Scott Green Baker Adams Nelson ' +
  'Beyoncé Müller Björk Dvořák Sørensen Núñez Françoise Zoë Beethoven Chopin'
).split(' ');

interface Catalog {
  artists: string[];
  albums: { title: string; artist: number }[];
  tracks: { title: string; album: number; artists: number[] }[];
}

function hanTail(): string[] {
  const lines = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'), 'utf8').split(
    '\n',
  );
  const words = lines
    .map((line) => line.split(' '))
    .filter(([word, , tag]) => word && /^\p{Script=Han}{2}$/u.test(word) && /^(n|v|a|nr|ns)$/.test(tag ?? ''))
    .sort((a, b) => Number(b[1]) - Number(a[1]))
    .map(([word]) => word!);
  return words.slice(0, 4000);
}

function latinTail(random: () => number): string[] {
  const syllables = 'ka lo mi ra ve sa no ti el an ro bel dor fin gal hel mar nor sil tor val wen zor'.split(
    ' ',
  );
  const words = new Set<string>();
  while (words.size < 3000) {
    const n = 2 + Math.floor(random() * 2);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  return [...words];
}

/** Draws from `items` with weight 1/(rank + 10). */
function zipf(items: readonly string[], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) cumulative.push((total += 1 / (i + 10)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

function generateCatalog(random: () => number): Catalog {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hanWord = zipf([...new Set([...HAN_HEAD, ...hanTail()])], random);
  const latinWord = zipf([...new Set([...LATIN_HEAD, ...latinTail(random)])], random);
  const artists = new Set<string>();
  while (artists.size < TRACKS / 20) {
    if (random() < 0.5) artists.add(pick(SURNAMES) + pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : ''));
    else artists.add(`${pick(FIRST)} ${pick(LAST)}`);
  }
  const artistNames = [...artists];
  const chinese = (name: string) => /\p{Script=Han}/u.test(name);
  const titleFor = (han: boolean) => {
    const words = 1 + Math.floor(random() * 3);
    return han
      ? Array.from({ length: words }, () => hanWord()).join('')
      : Array.from({ length: words }, () => latinWord())
          .join(' ')
          .replace(/\b\w/g, (c) => c.toUpperCase());
  };
  const albums: Catalog['albums'] = [];
  const tracks: Catalog['tracks'] = [];
  while (tracks.length < TRACKS) {
    const artist = Math.floor(random() * artistNames.length);
    const han = chinese(artistNames[artist]!);
    const album = albums.push({ title: titleFor(han), artist }) - 1;
    const count = 6 + Math.floor(random() * 10);
    for (let i = 0; i < count && tracks.length < TRACKS; i++) {
      const featured = random() < 0.1 ? [Math.floor(random() * artistNames.length)] : [];
      tracks.push({ title: titleFor(random() < 0.9 ? han : !han), album, artists: [artist, ...featured] });
    }
  }
  return { artists: artistNames, albums, tracks };
}

/** Bulk insert: one INSERT … SELECT FROM unnest(arrays) per table chunk. */
async function insertCatalog(db: Db, catalog: Catalog): Promise<void> {
  const { id: folderId } = await db
    .insertInto('libraryFolders')
    .values({ path: `/bench/${randomUUID()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const artistIds = catalog.artists.map(() => randomUUID());
  const albumIds = catalog.albums.map(() => randomUUID());
  const trackIds = catalog.tracks.map(() => randomUUID());
  const chunk = 10_000;
  for (let i = 0; i < artistIds.length; i += chunk) {
    const names = catalog.artists.slice(i, i + chunk);
    await sql`INSERT INTO artists (id, name, name_key, sort_name)
      SELECT * FROM unnest(${artistIds.slice(i, i + chunk)}::uuid[], ${names}::text[],
        ${names.map((n) => n.toLowerCase())}::text[], ${names.map((n) => n.toLowerCase())}::text[])`.execute(
      db,
    );
  }
  for (let i = 0; i < albumIds.length; i += chunk) {
    const albums = catalog.albums.slice(i, i + chunk);
    await sql`INSERT INTO albums (id, title, title_key, album_artist_id, year)
      SELECT * FROM unnest(${albumIds.slice(i, i + chunk)}::uuid[], ${albums.map((a) => a.title)}::text[],
        ${albums.map((a, j) => `${a.title.toLowerCase()}#${i + j}`)}::text[],
        ${albums.map((a) => artistIds[a.artist]!)}::uuid[], ${albums.map((_, j) => 1980 + ((i + j) % 45))}::int[])`.execute(
      db,
    );
  }
  for (let i = 0; i < trackIds.length; i += chunk) {
    const ids = trackIds.slice(i, i + chunk);
    const tracks = catalog.tracks.slice(i, i + chunk);
    await sql`INSERT INTO tracks (id, folder_id, path, size, mtime_ms, format, mime, title, title_key, album_id, duration_ms)
      SELECT id, ${folderId}::uuid, '/bench/' || id || '.flac', 1000, 0, 'flac', 'audio/flac', title, lower(title),
        album_id, duration_ms
      FROM unnest(${ids}::uuid[], ${tracks.map((t) => t.title)}::text[], ${tracks.map((t) => albumIds[t.album]!)}::uuid[],
        ${tracks.map((_, j) => 120_000 + ((i + j) % 240) * 1000)}::int[]) AS x(id, title, album_id, duration_ms)`.execute(
      db,
    );
    const links = tracks.flatMap((t, j) =>
      [...new Set(t.artists)].map((a, position) => ({ j, a, position })),
    );
    await sql`INSERT INTO track_artists (track_id, artist_id, position)
      SELECT * FROM unnest(${links.map((l) => ids[l.j]!)}::uuid[], ${links.map((l) => artistIds[l.a]!)}::uuid[],
        ${links.map((l) => l.position)}::int[])`.execute(db);
  }
}

type QueryKind = 'chinese' | 'pinyin' | 'initials' | 'latin' | 'typo' | 'artist+title';

function generateQueries(random: () => number, catalog: Catalog): { kind: QueryKind; q: string }[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hanTracks = catalog.tracks.filter((t) => /\p{Script=Han}/u.test(t.title));
  const latinTracks = catalog.tracks.filter((t) => !/\p{Script=Han}/u.test(t.title));
  const hanArtists = catalog.artists.filter((a) => /\p{Script=Han}/u.test(a));
  const latinArtists = catalog.artists.filter((a) => !/\p{Script=Han}/u.test(a));
  const read = (text: string) => pinyin(text, { toneType: 'none', type: 'array', v: true });
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    return random() < 0.5
      ? word.slice(0, at) + word.slice(at + 1)
      : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  };
  const makers: [QueryKind, number, () => string][] = [
    [
      'chinese',
      0.2,
      () => (random() < 0.5 ? pick(HAN_HEAD) : random() < 0.5 ? pick(hanTracks).title : pick(hanArtists)),
    ],
    [
      'pinyin',
      0.2,
      () => {
        const syllables = read(random() < 0.6 ? pick(hanTracks).title : pick(hanArtists));
        return syllables.join(random() < 0.5 ? '' : ' ');
      },
    ],
    [
      'initials',
      0.15,
      () =>
        read(random() < 0.5 ? pick(hanArtists) : pick(HAN_HEAD))
          .map((s) => s[0])
          .join(''),
    ],
    [
      'latin',
      0.2,
      () =>
        random() < 0.5 ? pick(latinTracks).title : random() < 0.5 ? pick(LATIN_HEAD) : pick(latinArtists),
    ],
    [
      'typo',
      0.15,
      () => (random() < 0.5 ? typo(pick(LATIN_HEAD.filter((w) => w.length >= 5))) : typo(pick(latinArtists))),
    ],
    [
      'artist+title',
      0.1,
      () => {
        const track = pick(catalog.tracks);
        return `${catalog.artists[track.artists[0]!]} ${track.title}`;
      },
    ],
  ];
  const queries: { kind: QueryKind; q: string }[] = [];
  for (const [kind, share, make] of makers) {
    for (let i = 0; i < Math.round(QUERIES * share); i++) queries.push({ kind, q: make().slice(0, 100) });
  }
  return queries.sort(() => random() - 0.5);
}

/** What a listener has typed so far: 1-4 characters of a query. */
function prefixesOf(random: () => number, queries: { q: string }[]): string[] {
  return queries.map(
    ({ q }) =>
      Array.from(q.trim())
        .slice(0, 1 + Math.floor(random() * 4))
        .join('')
        .trim() || q,
  );
}

export async function run(): Promise<void> {
  const { url, cleanup } = await throwAwayDatabase('search_bench');
  const db = createDb(url, 4);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    const random = mulberry32(SEED);
    const catalog = generateCatalog(random);
    let started = performance.now();
    await insertCatalog(db, catalog);
    const insertSeconds = (performance.now() - started) / 1000;

    const search: SearchModule = createSearchModule({ db });
    started = performance.now();
    const built = await search.indexer.reindexAll();
    const buildSeconds = (performance.now() - started) / 1000;
    const { rows: sizes } = await sql<{ table: string; index: string }>`
      SELECT pg_size_pretty(pg_table_size('search_documents')) AS table,
             pg_size_pretty(pg_indexes_size('search_documents')) AS index`.execute(db);
    await sql`VACUUM ANALYZE search_documents`.execute(db);
    // Play counts do not exist yet: give tracks a skewed popularity, as they will have.
    await sql`SELECT setseed(0.42)`.execute(db);
    await sql`UPDATE search_documents SET popularity = floor(power(random(), 3) * 1000) WHERE kind <> 'artist'`.execute(
      db,
    );
    await sql`VACUUM ANALYZE search_documents`.execute(db);
    started = performance.now();
    const rebuilt = await search.indexer.reindexAll();
    const rebuildSeconds = (performance.now() - started) / 1000;
    // What a scan that touched 1,000 tracks costs (their albums and artists are refreshed too).
    const touched = (
      await sql<{ id: string }>`SELECT id FROM tracks ORDER BY md5(id::text) LIMIT 1000`.execute(db)
    ).rows.map((r) => r.id);
    await sql`UPDATE tracks SET title = title || ' (Live)' WHERE id = ANY(${touched}::uuid[])`.execute(db);
    started = performance.now();
    const rescanned = await search.indexer.reindexTracks(touched);
    const rescanSeconds = (performance.now() - started) / 1000;

    printTable(`Index build (${TRACKS.toLocaleString('en')} tracks)`, [
      {
        step: 'bulk insert of the catalog',
        seconds: insertSeconds,
        documents: String(catalog.tracks.length + catalog.albums.length + catalog.artists.length),
      },
      { step: 'reindexAll (empty index)', seconds: buildSeconds, documents: String(built.written) },
      { step: 'reindexAll again (unchanged)', seconds: rebuildSeconds, documents: String(rebuilt.written) },
      {
        step: 'reindexTracks (1,000 retitled)',
        seconds: rescanSeconds,
        documents: String(rescanned.written),
      },
      {
        step: `index size: table ${sizes[0]?.table}, indexes ${sizes[0]?.index}`,
        seconds: '',
        documents: '',
      },
    ]);

    const queries = generateQueries(random, catalog);
    const prefixes = prefixesOf(random, queries);
    const service = search.service;
    const rows: Record<string, string | number>[] = [];
    const slowest: Record<string, string | number>[] = [];
    const measure = async (what: string, samples: number[], labels?: string[]) => {
      rows.push({ what, ...percentiles(samples) });
      if (!labels) return;
      const worst = samples.map((ms, i) => ({ ms, q: labels[i]! })).sort((a, b) => b.ms - a.ms);
      for (const { ms, q } of worst.slice(0, 5)) slowest.push({ what, query: q, ms });
    };
    const texts = queries.map((x) => x.q);

    await measure(
      'search type=all',
      await timeEach(queries, (x) => service.search({ q: x.q, type: 'all' })),
      texts,
    );
    await measure(
      'search type=track',
      await timeEach(queries, (x) => service.search({ q: x.q, type: 'track' })),
      texts,
    );
    await measure('suggest (prefixes)', await timeEach(prefixes, (q) => service.suggest(q)), prefixes);
    await measure('suggest (whole queries)', await timeEach(queries, (x) => service.suggest(x.q)), texts);
    for (const kind of ['chinese', 'pinyin', 'initials', 'latin', 'typo', 'artist+title'] as const) {
      const some = queries.filter((x) => x.kind === kind);
      await measure(
        `  type=all, ${kind}`,
        await timeEach(some, (x) => service.search({ q: x.q, type: 'all' })),
      );
    }

    const sessions: SessionResolver = {
      resolve: async () => ({
        user: { id: randomUUID(), username: 'bench', nickname: 'Bench', role: 'listener' },
        sessionId: randomUUID(),
        csrfToken: 'csrf',
      }),
    };
    const app = await buildApp({ logger: false, sessions, routes: search.routes });
    const inject = async (route: string) => {
      const response = await app.inject({
        method: 'GET',
        url: route,
        headers: { authorization: 'Bearer bench' },
      });
      if (response.statusCode !== 200) throw new Error(`${route}: ${response.statusCode} ${response.body}`);
    };
    const q = encodeURIComponent;
    await measure(
      'HTTP search type=all',
      await timeEach(queries, (x) => inject(`/api/v1/search?q=${q(x.q)}`)),
    );
    await measure(
      'HTTP suggest',
      await timeEach(prefixes, (p) => inject(`/api/v1/search/suggest?q=${q(p)}`)),
    );
    await app.close();

    printTable(
      `Latency over ${queries.length} mixed queries (goals: search p95 < 30 ms, suggest p95 < 15 ms)`,
      rows,
    );
    printTable('Slowest queries', slowest);
  } finally {
    await db.destroy();
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
