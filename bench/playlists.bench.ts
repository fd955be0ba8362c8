/**
 * Opening a 10,000-track playlist (fixed seed): a 50,000-track library with credited artists
 * and albums, 200 other playlists (about 100,000 rows of playlist_tracks) and one playlist at
 * the 10,000 cap. Times GET /api/v1/playlists/{id} (the playlist, its stored count and the
 * first page of tracks) over HTTP with app.inject, as another user sees it, then a page deep
 * in the list and a few drags. Goal: open p95 < 20 ms.
 *
 * Uses a throw-away database (see support/throw-away-database.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createDb, type Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { buildApp } from '../apps/server/src/http/app.ts';
import type { AuthUser, SessionResolver } from '../apps/server/src/http/auth-context.ts';
import { mulberry32 } from '../apps/server/src/modules/demo/prng.ts';
import { createPlaylistsModule } from '../apps/server/src/modules/playlists/playlists.module.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { dataPaths } from '../apps/server/src/platform/data-paths.ts';
import { createLogger } from '../apps/server/src/platform/logger.ts';
import { percentiles, timeEach } from './support/latency.ts';
import { printTable } from './support/table.ts';
import { throwAwayDatabase } from './support/throw-away-database.ts';

const LIBRARY_TRACKS = 50_000;
const BIG_PLAYLIST = 10_000;
const OTHER_PLAYLISTS = 200;
const OPENS = 500;
const DRAGS = 100;
const SEED = 20261123;

type Random = () => number;

async function insertLibrary(db: Db, random: Random): Promise<string[]> {
  const { id: folderId } = await db
    .insertInto('libraryFolders')
    .values({ path: `/bench/${randomUUID()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const artistIds = Array.from({ length: LIBRARY_TRACKS / 10 }, () => randomUUID());
  const albumIds = Array.from({ length: LIBRARY_TRACKS / 12 }, () => randomUUID());
  const trackIds = Array.from({ length: LIBRARY_TRACKS }, () => randomUUID());
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  await sql`INSERT INTO artists (id, name, name_key, sort_name)
    SELECT id, 'Artist ' || n, 'artist ' || n, 'artist ' || n
    FROM unnest(${artistIds}::uuid[]) WITH ORDINALITY AS x(id, n)`.execute(db);
  await sql`INSERT INTO albums (id, title, title_key, album_artist_id, year)
    SELECT id, 'Album ' || n, 'album ' || n, artist, 1980 + n % 45
    FROM unnest(${albumIds}::uuid[], ${albumIds.map(() => pick(artistIds))}::uuid[]) WITH ORDINALITY AS x(id, artist, n)`.execute(
    db,
  );
  const chunk = 10_000;
  for (let i = 0; i < trackIds.length; i += chunk) {
    const ids = trackIds.slice(i, i + chunk);
    await sql`INSERT INTO tracks (id, folder_id, path, size, mtime_ms, format, mime, title, title_key, album_id, track_no, duration_ms)
      SELECT id, ${folderId}::uuid, '/bench/' || id || '.flac', 1000, 0, 'flac', 'audio/flac', 'Track ' || n,
        'track ' || n, album, n % 12 + 1, 120000 + (n % 240) * 1000
      FROM unnest(${ids}::uuid[], ${ids.map(() => pick(albumIds))}::uuid[]) WITH ORDINALITY AS x(id, album, n)`.execute(
      db,
    );
    const credits = ids.flatMap((id) => {
      const first = pick(artistIds);
      const second = random() < 0.15 ? pick(artistIds) : first;
      return second === first
        ? [[id, first, 0] as const]
        : [[id, first, 0] as const, [id, second, 1] as const];
    });
    await sql`INSERT INTO track_artists (track_id, artist_id, position)
      SELECT * FROM unnest(${credits.map((c) => c[0])}::uuid[], ${credits.map((c) => c[1])}::uuid[],
        ${credits.map((c) => c[2])}::int[])`.execute(db);
  }
  return trackIds;
}

/** A playlist of `trackIds` in that order, written in one statement (triggers keep the counts). */
async function insertPlaylist(db: Db, ownerId: string, name: string, trackIds: string[]): Promise<string> {
  const { id } = await db
    .insertInto('playlists')
    .values({ ownerId, name, tags: ['pop'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO playlist_tracks (playlist_id, track_id, position)
    SELECT ${id}::uuid, track, n FROM unnest(${trackIds}::uuid[]) WITH ORDINALITY AS x(track, n)`.execute(db);
  return id;
}

function sample<T>(items: T[], count: number, random: Random): T[] {
  const copy = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

async function user(db: Db, username: string): Promise<AuthUser> {
  const { id } = await db
    .insertInto('users')
    .values({ username, nickname: username, passwordHash: 'bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, username, nickname: username, role: 'listener' };
}

export async function run(): Promise<void> {
  const { url, cleanup } = await throwAwayDatabase('playlists_bench');
  const db = createDb(url, 4);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'resonance-playlists-bench-'));
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
    const random = mulberry32(SEED);
    const started = performance.now();
    const library = await insertLibrary(db, random);
    const owner = await user(db, 'owner');
    const viewer = await user(db, 'viewer');
    for (let i = 0; i < OTHER_PLAYLISTS; i++) {
      await insertPlaylist(db, owner.id, `other ${i}`, sample(library, Math.floor(random() * 1000), random));
    }
    const bigTracks = sample(library, BIG_PLAYLIST, random);
    const big = await insertPlaylist(db, owner.id, 'the big one', bigTracks);
    // As a server that has been running a while: statistics fresh, visibility map set, and no
    // autovacuum of the bulk load competing with the first measurements.
    await sql`VACUUM (ANALYZE)`.execute(db);
    const setupSeconds = (performance.now() - started) / 1000;

    const playlists = createPlaylistsModule({
      db,
      clock: systemClock,
      logger: createLogger('silent'),
      paths: dataPaths(dataDir),
    });
    const tokens = new Map([
      ['owner', owner],
      ['viewer', viewer],
    ]);
    const sessions: SessionResolver = {
      resolve: async (token) => {
        const found = tokens.get(token);
        return found ? { user: found, sessionId: randomUUID(), csrfToken: 'csrf' } : null;
      },
    };
    const app = await buildApp({ logger: false, sessions, routes: playlists.routes });
    const inject = async (as: 'owner' | 'viewer', method: 'GET' | 'PUT', route: string, payload?: object) => {
      const response = await app.inject({
        method,
        url: route,
        headers: { authorization: `Bearer ${as}` },
        payload,
      });
      if (response.statusCode !== 200) throw new Error(`${route}: ${response.statusCode} ${response.body}`);
      return response.json() as { data: { trackCount: number }; nextCursor: string | null };
    };

    const opened = await inject('viewer', 'GET', `/api/v1/playlists/${big}`);
    if (opened.data.trackCount !== BIG_PLAYLIST) throw new Error(`expected ${BIG_PLAYLIST} tracks`);
    // A cursor half-way down: 100 pages of 50 in.
    let cursor = opened.nextCursor;
    for (let i = 1; i < 100 && cursor; i++) {
      cursor = (await inject('viewer', 'GET', `/api/v1/playlists/${big}?cursor=${cursor}`)).nextCursor;
    }
    const runs = Array.from({ length: OPENS }, (_, i) => i);
    const rows: Record<string, string | number>[] = [];
    const measure = async (what: string, samples: number[]) => rows.push({ what, ...percentiles(samples) });

    await measure(
      'HTTP open (first page of 50 + count)',
      await timeEach(runs, () => inject('viewer', 'GET', `/api/v1/playlists/${big}`)),
    );
    await measure(
      'HTTP open, limit=200',
      await timeEach(runs, () => inject('viewer', 'GET', `/api/v1/playlists/${big}?limit=200`)),
    );
    await measure(
      'HTTP page 101 (cursor)',
      await timeEach(runs, () => inject('viewer', 'GET', `/api/v1/playlists/${big}?cursor=${cursor}`)),
    );
    await measure(
      'service open (no HTTP)',
      await timeEach(runs, () => playlists.service.open(viewer.id, big, { limit: 50 })),
    );
    const drags = Array.from({ length: DRAGS }, () => ({
      trackId: bigTracks[Math.floor(random() * BIG_PLAYLIST)]!,
      afterTrackId: random() < 0.2 ? null : bigTracks[Math.floor(random() * BIG_PLAYLIST)]!,
    }));
    await measure(
      'HTTP drag in the 10,000-track list',
      await timeEach(drags, (drag) => inject('owner', 'PUT', `/api/v1/playlists/${big}/order`, drag), 5),
    );
    await app.close();

    printTable(`Setup`, [
      {
        step: `${LIBRARY_TRACKS.toLocaleString('en')} tracks, ${OTHER_PLAYLISTS} playlists, one of ${BIG_PLAYLIST.toLocaleString('en')}`,
        seconds: setupSeconds,
      },
    ]);
    printTable('Opening a 10,000-track playlist (goal: HTTP open p95 < 20 ms)', rows);
  } finally {
    await db.destroy();
    await cleanup();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
