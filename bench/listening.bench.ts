/**
 * Listening ingest throughput: 50 concurrent clients each POST batches of 50 events (10
 * playbacks of start, 3 progress reports and an end) to /api/v1/listening/events over
 * loopback HTTP, for a fixed time. Every 20th batch is sent a second time, as a flaky client
 * would. Afterwards the database is checked: every event stored exactly once, and every
 * playback that passed the counting rule counted exactly once. Goal: >= 5,000 events/s.
 *
 * Uses a throw-away database (DATABASE_URL's server when set, else embedded PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { createDb, type Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import type { SessionResolver } from '../apps/server/src/http/auth-context.ts';
import { mulberry32 } from '../apps/server/src/modules/demo/prng.ts';
import { countsAsPlay } from '../apps/server/src/modules/listening/counting-rule.ts';
import { createListeningModule } from '../apps/server/src/modules/listening/listening.module.ts';
import { PlaylistAccessRepository } from '../apps/server/src/modules/playlists/playlist-access.repository.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { createLogger } from '../apps/server/src/platform/logger.ts';
import { insertTracks, insertUsers, type BenchTrack } from './support/listening-fixtures.ts';
import { printTable } from './support/table.ts';
import { throwAwayDatabase } from './support/throw-away-database.ts';

const CLIENTS = 50;
const BATCH = 50;
const PLAYBACK_EVENTS = 5;
const TRACKS = Number(process.env.BENCH_LISTENING_TRACKS ?? 100_000);
const SECONDS = Number(process.env.BENCH_LISTENING_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
/** users per client, so the per-user write rate limit (300/min) never throttles the bench */
const USERS_PER_CLIENT = 4;
const RESEND_EVERY = 20;
const SEED = 20261123;

interface Totals {
  batches: number;
  sentUnique: number;
  resent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  failed: number;
  countable: number;
  latencies: number[];
}

/** One batch: 10 playbacks of a random track, heard to the end or skipped early. */
function makeBatch(random: () => number, tracks: BenchTrack[]): { events: unknown[]; countable: number } {
  const events: unknown[] = [];
  let countable = 0;
  const now = Date.now();
  for (let p = 0; p < BATCH / PLAYBACK_EVENTS; p++) {
    // A skewed pick, as real listening is: a few tracks get most plays.
    const track = tracks[Math.floor(tracks.length * random() ** 3)]!;
    const heard = random() < 0.7 ? track.durationMs : Math.floor(random() * 30_000);
    if (countsAsPlay(heard, track.durationMs)) countable++;
    const playbackId = randomUUID();
    const startedAt = now - 3_600_000 * random() - heard;
    const event = (type: string, playedMs: number, extra: object = {}) => ({
      id: randomUUID(),
      playbackId,
      type,
      trackId: track.id,
      at: new Date(startedAt + playedMs).toISOString(),
      positionMs: playedMs,
      playedMs,
      repeat: false,
      source: { type: 'album', id: randomUUID() },
      client: 'bench',
      ...extra,
    });
    events.push(event('start', 0));
    for (let k = 1; k <= PLAYBACK_EVENTS - 2; k++)
      events.push(event('progress', Math.floor((heard * k) / 4)));
    events.push(event('end', heard, { endReason: heard === track.durationMs ? 'finished' : 'skipped' }));
  }
  return { events, countable };
}

async function count(db: Db, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return Number((await query.execute(db)).rows[0]?.n ?? 0);
}

export async function run(): Promise<void> {
  const { url, cleanup } = await throwAwayDatabase('listening_bench');
  const db = createDb(url, 10);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    const tracks = await insertTracks(db, TRACKS);
    const users = await insertUsers(db, CLIENTS * USERS_PER_CLIENT);
    await sql`ANALYZE`.execute(db);

    const listening = createListeningModule({
      db,
      clock: systemClock,
      logger: createLogger('warn'),
      onPlaysCounted: async () => undefined,
      playlistAccess: new PlaylistAccessRepository(db),
    });
    const sessions: SessionResolver = {
      resolve: async (token) => ({
        user: { id: token, username: 'bench', nickname: 'Bench', role: 'listener' },
        sessionId: token,
        csrfToken: 'csrf',
      }),
    };
    const app = await buildApp({ logger: false, sessions, routes: listening.routes });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const endpoint = `${address}/api/v1/listening/events`;

    const totals: Totals = {
      batches: 0,
      sentUnique: 0,
      resent: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      failed: 0,
      countable: 0,
      latencies: [],
    };
    const post = async (user: string, events: unknown[]) => {
      const started = performance.now();
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${user}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      const body = (await response.json()) as { accepted: number; duplicates: number; rejected: unknown[] };
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
      return { body, ms: performance.now() - started };
    };

    let measuring = false;
    let stop = false;
    const client = async (index: number) => {
      const random = mulberry32(SEED + index);
      for (let n = 0; !stop; n++) {
        const user = users[index * USERS_PER_CLIENT + (n % USERS_PER_CLIENT)]!;
        const batch = makeBatch(random, tracks);
        const resend = n % RESEND_EVERY === RESEND_EVERY - 1;
        for (const attempt of resend ? [1, 2] : [1]) {
          try {
            const { body, ms } = await post(user, batch.events);
            totals.accepted += body.accepted;
            totals.duplicates += body.duplicates;
            totals.rejected += body.rejected.length;
            if (measuring) totals.latencies.push(ms);
          } catch (error) {
            totals.failed++;
            console.error(String(error));
          }
          if (attempt === 2) totals.resent += batch.events.length;
        }
        totals.batches++;
        totals.sentUnique += batch.events.length;
        totals.countable += batch.countable;
      }
    };

    const running = Array.from({ length: CLIENTS }, (_, i) => client(i));
    await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1000));
    const acceptedBefore = totals.accepted;
    measuring = true;
    const started = performance.now();
    const loopBefore = performance.eventLoopUtilization();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const seconds = (performance.now() - started) / 1000;
    const loopBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const acceptedDuring = totals.accepted - acceptedBefore;
    stop = true;
    await Promise.all(running);
    await app.close();

    const stored = await count(db, sql<{ n: number }>`SELECT count(*)::bigint AS n FROM listening_events`);
    const counted = await count(
      db,
      sql<{ n: number }>`SELECT count(*)::bigint AS n FROM plays WHERE counted`,
    );
    const trackCounts = await count(
      db,
      sql<{ n: number }>`SELECT coalesce(sum(play_count), 0)::bigint AS n FROM track_play_counts`,
    );
    const userCounts = await count(
      db,
      sql<{
        n: number;
      }>`SELECT coalesce(sum(play_count), 0)::bigint AS n FROM annotations WHERE item_type = 'track'`,
    );
    const sorted = [...totals.latencies].sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

    printTable(
      `Ingest: ${CLIENTS} clients, batches of ${BATCH} events, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, ${TRACKS.toLocaleString('en')} tracks (goal >= 5,000 events/s)`,
      [
        {
          'events/s': Math.round(acceptedDuring / seconds).toLocaleString('en'),
          'batches/s': (acceptedDuring / BATCH / seconds).toFixed(1),
          'p50 ms': at(50),
          'p95 ms': at(95),
          'p99 ms': at(99),
          'failed requests': String(totals.failed),
          // server and the 50 clients share this process's one JavaScript thread
          'event loop busy': `${Math.round(loopBusy * 100)}%`,
        },
      ],
    );
    const check = (what: string, expected: number, actual: number) => ({
      check: what,
      expected: expected.toLocaleString('en'),
      actual: actual.toLocaleString('en'),
      ok: expected === actual ? 'yes' : 'NO',
    });
    printTable('No event lost or doubled', [
      check('events stored = distinct events sent', totals.sentUnique, stored),
      check('accepted = distinct events sent', totals.sentUnique, totals.accepted),
      check('duplicates reported = events re-sent', totals.resent, totals.duplicates),
      check('rejected', 0, totals.rejected),
      check('counted playbacks = playbacks past the rule', totals.countable, counted),
      check('sum of track play counts', totals.countable, trackCounts),
      check('sum of per-user play counts', totals.countable, userCounts),
    ]);
  } finally {
    await db.destroy();
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
