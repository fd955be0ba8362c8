/**
 * Comments at scale: one track with 1,000,000 top-level comments (spread over three years) and
 * 5,000,000 likes spread by a power law (the comment of rank r has about C / r^0.8 likes: the
 * top one tens of thousands, the tail one each), all generated in SQL with INSERT … SELECT
 * (fixed seed). Then, through HTTP (app.inject: routing, auth, validation, serialisation):
 *   - the first page of hot comments            goal p95 < 10 ms
 *   - a page of new comments at cursor 500,000   goal p95 < 10 ms
 *   - posting a comment                          goal p95 < 15 ms
 *   - 100 concurrent users liking one comment: likes per second, and whether the count is
 *     exact afterwards (it must be).
 *
 * Uses a throw-away database: a new one on the server of DATABASE_URL when set (dropped at
 * the end), else an embedded PostgreSQL in a temporary folder. Sizes: BENCH_COMMENTS,
 * BENCH_LIKES (defaults 1,000,000 and 5,000,000).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { createDb, type Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import type { SessionResolver } from '../apps/server/src/http/auth-context.ts';
import { createCommentsModule } from '../apps/server/src/modules/comments/comments.module.ts';
import { hotScoreSql } from '../apps/server/src/modules/comments/hot-score.ts';
import { encodeCursor } from '../apps/server/src/modules/comments/keyset-cursor.ts';
import { createNotificationsModule } from '../apps/server/src/modules/notifications/notifications.module.ts';
import { PlaylistAccessRepository } from '../apps/server/src/modules/playlists/playlist-access.repository.ts';
import { fixedClock } from '../apps/server/src/platform/clock.ts';
import type { Logger } from '../apps/server/src/platform/logger.ts';
import { mulberry32 } from '../apps/server/src/modules/demo/prng.ts';
import { printTable } from './support/table.ts';
import { percentiles, timeEach } from './support/latency.ts';
import { throwAwayDatabase } from './support/throw-away-database.ts';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1_000_000);
const LIKES = Number(process.env.BENCH_LIKES ?? 5_000_000);
const USERS = 200_000;
const SEED = 20261123;
/** likes of the comment of rank r ≈ C / r^EXPONENT; C is solved so they sum to LIKES */
const EXPONENT = 0.8;
const NOW = new Date('2026-11-23T12:00:00.000Z');
const YEARS_MS = 3 * 365 * 86_400_000;

const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
} as unknown as Logger;

/** The constant C with Σ_{r=1..n} floor(C / r^s) ≈ total (floors make it a touch under). */
function powerLawScale(n: number, total: number, s: number): number {
  let harmonic = 0;
  for (let r = 1; r <= n; r++) harmonic += r ** -s;
  return (total + n / 2) / harmonic;
}

async function timed(step: string, rows: Record<string, string | number>[], work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  rows.push({ step, seconds: (performance.now() - started) / 1000 });
}

/** Users, one track, its comments and their likes, with every counter the app keeps. */
async function generate(db: Db): Promise<{ trackId: string; steps: Record<string, string | number>[] }> {
  const steps: Record<string, string | number>[] = [];
  const scale = powerLawScale(COMMENTS, LIKES, EXPONENT);
  const trackId = randomUUID();
  await sql`SELECT setseed(${(SEED % 1000) / 1000})`.execute(db);
  // Bulk load: skip per-row foreign key triggers (a throw-away database; the rows are made consistent).
  await sql`SET session_replication_role = replica`.execute(db).catch(() => undefined);

  await timed(`users (${USERS.toLocaleString('en')})`, steps, async () => {
    await sql`CREATE TABLE bench_users (n integer PRIMARY KEY, id uuid NOT NULL)`.execute(db);
    await sql`INSERT INTO bench_users SELECT n, gen_random_uuid() FROM generate_series(0, ${USERS - 1}) AS n`.execute(
      db,
    );
    await sql`INSERT INTO users (id, username, password_hash, nickname)
      SELECT id, 'bench_' || n, 'x', 'Listener ' || n FROM bench_users`.execute(db);
    const { id: folderId } = await db
      .insertInto('libraryFolders')
      .values({ path: `/bench/${randomUUID()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('tracks')
      .values({
        id: trackId,
        folderId,
        path: '/bench/track.flac',
        size: 1000,
        mtimeMs: 0,
        format: 'flac',
        mime: 'audio/flac',
        title: '晴天',
        titleKey: '晴天',
        durationMs: 269_000,
      })
      .execute();
  });

  await timed(`comments (${COMMENTS.toLocaleString('en')})`, steps, async () => {
    // Rank r (by likes) is a random permutation of the posting order, so old and new comments
    // both have hits; created_at spreads over three years, in whole milliseconds.
    await sql`
      INSERT INTO comments (target_type, target_id, author_id, body, like_count, created_at, hot_score)
      SELECT 'track', ${trackId}::uuid, u.id, 'comment number ' || g.i || ' 听了一百遍',
             g.likes, g.created_at,
             ${hotScoreSql(sql`g.likes`, sql`0`, sql`g.created_at`, NOW)}
      FROM (
        SELECT i, floor(${scale}::float8 / power(rank, ${EXPONENT}::float8))::int AS likes,
               date_trunc('milliseconds', ${NOW}::timestamptz - (random() * ${YEARS_MS}) * interval '1 millisecond') AS created_at
        FROM (SELECT i, row_number() OVER (ORDER BY random()) AS rank FROM generate_series(1, ${COMMENTS}) AS i) AS ranked
      ) AS g
      JOIN bench_users u ON u.n = (g.i::bigint * 7919) % ${USERS}`.execute(db);
    await sql`INSERT INTO comment_totals (target_type, target_id, total) VALUES ('track', ${trackId}, ${COMMENTS})`.execute(
      db,
    );
  });

  await timed('likes (power law)', steps, async () => {
    // Comment c's likers are USERS consecutive users from a random offset: distinct by construction.
    await sql`
      INSERT INTO comment_likes (comment_id, user_id, created_at)
      SELECT c.id, u.id, c.created_at + k * interval '1 second'
      FROM (SELECT id, like_count, created_at, floor(random() * ${USERS})::int AS offset_n FROM comments) AS c
      CROSS JOIN LATERAL generate_series(1, c.like_count) AS k
      JOIN bench_users u ON u.n = (c.offset_n + k) % ${USERS}
      ORDER BY c.id`.execute(db);
  });
  await sql`SET session_replication_role = DEFAULT`.execute(db).catch(() => undefined);

  await timed('VACUUM ANALYZE, CHECKPOINT', steps, async () => {
    await sql`VACUUM ANALYZE users`.execute(db);
    await sql`VACUUM ANALYZE comments`.execute(db);
    await sql`VACUUM ANALYZE comment_likes`.execute(db);
    // Writes the loaded gigabyte out now rather than in the middle of the measurements.
    await sql`CHECKPOINT`.execute(db);
  });
  return { trackId, steps };
}

export async function run(): Promise<void> {
  const { url, cleanup } = await throwAwayDatabase('comments_bench');
  const db = createDb(url, 20);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    // One connection: the seed and the bulk-load setting belong to a session.
    const { trackId, steps } = await db.connection().execute((connection) => generate(connection));
    const { rows: facts } = await sql<{
      comments: number;
      likes: number;
      top: number;
      median: number;
      size: string;
    }>`
      SELECT (SELECT count(*) FROM comments) AS comments, (SELECT count(*) FROM comment_likes) AS likes,
             (SELECT max(like_count) FROM comments) AS top,
             (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY like_count) FROM comments) AS median,
             pg_size_pretty(pg_total_relation_size('comments') + pg_total_relation_size('comment_likes')) AS size`.execute(
      db,
    );
    printTable('Data', steps);
    printTable('Generated', [
      {
        comments: String(facts[0]!.comments),
        likes: String(facts[0]!.likes),
        'most liked': String(facts[0]!.top),
        'median likes': String(facts[0]!.median),
        'on disk': facts[0]!.size,
      },
    ]);

    const random = mulberry32(SEED);
    const viewerIds = (
      await sql<{ id: string }>`SELECT id FROM bench_users WHERE n % 997 = 0 ORDER BY n LIMIT 200`.execute(db)
    ).rows.map((r) => r.id);
    const sessions: SessionResolver = {
      resolve: async (token) => ({
        user: { id: token, username: 'bench', nickname: 'Bench', role: 'listener' },
        sessionId: token,
        csrfToken: 'csrf',
      }),
    };
    const clock = fixedClock(NOW);
    const playlistAccess = new PlaylistAccessRepository(db);
    const notifications = createNotificationsModule({ db, clock, logger: quietLogger, playlistAccess });
    const comments = createCommentsModule({
      db,
      clock,
      logger: quietLogger,
      playlistAccess,
      notifications: notifications.service,
      postingLimit: { max: 1_000_000, timeWindow: '1 minute' },
    });
    const app = await buildApp({
      logger: false,
      sessions,
      routes: [...comments.routes, ...notifications.routes],
    });
    const inject = async (
      method: 'GET' | 'POST' | 'DELETE',
      route: string,
      user: string,
      payload?: object,
    ) => {
      const response = await app.inject({
        method,
        url: route,
        headers: { authorization: `Bearer ${user}` },
        payload,
      });
      if (response.statusCode >= 300)
        throw new Error(`${method} ${route}: ${response.statusCode} ${response.body}`);
      return response;
    };
    const viewer = () => viewerIds[Math.floor(random() * viewerIds.length)]!;
    const list = `/api/v1/comments?targetType=track&targetId=${trackId}`;
    const rows: Record<string, string | number>[] = [];
    const measure = (what: string, goal: string, samples: number[]) =>
      rows.push({ what, goal, ...percentiles(samples) });

    const requests = Array.from({ length: 500 }, () => viewer());
    measure(
      'hot, first page (20)',
      'p95 < 10 ms',
      await timeEach(requests, (v) => inject('GET', `${list}&sort=hot&limit=20`, v), 100),
    );

    // Cursors just past the 500,000th newest comment (a little apart, so each is a fresh range).
    const deep = (
      await sql<{ createdAt: Date; id: string }>`
        SELECT created_at, id FROM comments
        WHERE target_type = 'track' AND target_id = ${trackId} AND parent_id IS NULL
        ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(COMMENTS / 2)} LIMIT 3000`.execute(db)
    ).rows.filter((_, i) => i % 5 === 0);
    const scope = `comments:new:track:${trackId}:`;
    const cursors = deep.map((r) => encodeCursor(scope, [r.createdAt.getTime(), r.id]));
    const newPage = (c: string) => inject('GET', `${list}&sort=new&limit=20&cursor=${c}`, viewer());
    // Each measured cursor is a range no earlier request has read; the warm-up uses others.
    measure(
      `new, page at cursor ${Math.floor(COMMENTS / 2).toLocaleString('en')}`,
      'p95 < 10 ms',
      await timeEach(cursors.slice(0, 500), newPage, 100, cursors.slice(500)),
    );
    measure(
      'new, first page',
      '',
      await timeEach(requests, (v) => inject('GET', `${list}&sort=new&limit=20`, v), 100),
    );
    measure(
      'recommended, first page',
      '',
      await timeEach(
        requests.slice(0, 200),
        (v) => inject('GET', `${list}&sort=recommended&limit=20`, v),
        100,
      ),
    );

    const post = (body: string) => {
      clock.advance(1);
      return inject('POST', '/api/v1/comments', viewer(), { targetType: 'track', targetId: trackId, body });
    };
    const bodies = Array.from({ length: 500 }, (_, i) => `bench post ${i} 青春是一场大雨 😀`);
    measure('post a comment', 'p95 < 15 ms', await timeEach(bodies, post, 100));
    // A mention looks the user up and writes (and pushes) their notification too.
    measure(
      'post a comment mentioning someone',
      '',
      await timeEach(bodies.slice(0, 200), (b) => post(`${b} @bench_0`), 100),
    );

    const { id: hotId } = await db
      .selectFrom('comments')
      .select('id')
      .where('targetId', '=', trackId)
      .orderBy('hotScore', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const likers = (
      await sql<{ id: string }>`
        INSERT INTO users (username, password_hash, nickname)
        SELECT 'liker_' || n, 'x', 'Liker ' || n FROM generate_series(1, 1000) AS n RETURNING id`.execute(db)
    ).rows.map((r) => r.id);
    const likeCount = async () =>
      (
        await sql<{ stored: number; counted: number }>`
          SELECT (SELECT like_count FROM comments WHERE id = ${hotId}) AS stored,
                 (SELECT count(*) FROM comment_likes WHERE comment_id = ${hotId}) AS counted`.execute(db)
      ).rows[0]!;
    const before = await likeCount();
    const throughput: Record<string, string | number>[] = [];
    for (const [what, method] of [
      ['like (POST)', 'POST'],
      ['unlike (DELETE)', 'DELETE'],
      ['like again (POST)', 'POST'],
    ] as const) {
      const started = performance.now();
      for (let round = 0; round < 10; round++) {
        const batch = likers.slice(round * 100, round * 100 + 100);
        await Promise.all(batch.map((u) => inject(method, `/api/v1/comments/${hotId}/like`, u)));
      }
      const seconds = (performance.now() - started) / 1000;
      throughput.push({ what: `${what}: 10 rounds of 100 concurrent users`, 'per second': 1000 / seconds });
    }
    const after = await likeCount();
    const exact = after.stored === before.stored + 1000 && after.counted === after.stored;
    throughput.push({
      what: `count afterwards: ${before.stored} + 1000 = ${after.stored}, rows ${after.counted}`,
      'per second': exact ? 'exact' : 'WRONG',
    });
    await app.close();
    await notifications.hub.close();

    const started = performance.now();
    const { rescored } = await comments.refreshHotScores();
    const refresh = (performance.now() - started) / 1000;

    printTable(`Latency over HTTP (${COMMENTS.toLocaleString('en')} comments on one track)`, rows);
    printTable('Likes on the hottest comment', throughput);
    printTable('Scheduled hot-score refresh', [{ comments: String(rescored), seconds: refresh }]);
  } finally {
    await db.destroy();
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
