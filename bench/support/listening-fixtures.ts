import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/database.ts';

/** Bulk catalogue rows for the listening and chart benchmarks (no artists: nothing here reads them). */

export interface BenchTrack {
  id: string;
  durationMs: number;
}

/** `count` tracks lasting 2 to 10 minutes, created `createdDaysAgo(i)` days ago. */
export async function insertTracks(
  db: Db,
  count: number,
  createdDaysAgo: (index: number) => number = () => 365,
): Promise<BenchTrack[]> {
  const { id: folderId } = await db
    .insertInto('libraryFolders')
    .values({ path: `/bench/${randomUUID()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tracks = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    durationMs: 120_000 + ((i * 7919) % 480) * 1000,
  }));
  const chunk = 10_000;
  for (let i = 0; i < count; i += chunk) {
    const part = tracks.slice(i, i + chunk);
    await sql`
      INSERT INTO tracks (id, folder_id, path, size, mtime_ms, format, mime, title, title_key, duration_ms, created_at)
      SELECT id, ${folderId}::uuid, '/bench/' || id || '.flac', 1000, 0, 'flac', 'audio/flac',
        'Track ' || n, 'track ' || n, duration_ms, now() - make_interval(days => days_ago)
      FROM unnest(${part.map((t) => t.id)}::uuid[], ${part.map((t) => t.durationMs)}::int[],
        ${part.map((_, j) => i + j)}::int[], ${part.map((_, j) => createdDaysAgo(i + j))}::int[])
        AS x(id, duration_ms, n, days_ago)`.execute(db);
  }
  return tracks;
}

export async function insertUsers(db: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await sql`
    INSERT INTO users (id, username, password_hash, nickname)
    SELECT id, 'bench_' || n, 'x', 'Bench ' || n
    FROM unnest(${ids}::uuid[], ${ids.map((_, n) => n)}::int[]) AS x(id, n)`.execute(db);
  return ids;
}
