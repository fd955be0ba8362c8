import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { generateOnWorkers } from '../../src/modules/recommend/daily-workers.ts';
import { aCrowd, aTasteWorld, recommendTestApp, type RecommendTestApp } from '../factories/recommend.ts';
import type { BuiltUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The daily job's worker threads: each makes lists on its own connections and its own copy of the
 * stored model, and the lists are exactly those the main thread makes for the same users.
 */

// 12:00 in Shanghai (every user's default zone): recommendation day 2026-11-23.
const NOW = new Date('2026-11-23T04:00:00.000Z');
const DAY = '2026-11-23';

let database: TestDatabase;
let t: RecommendTestApp;
let users: BuiltUser[];
/** the length of the lists made here (all the same in this small world) */
let onMainThreadLength = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const world = await aTasteWorld(database.db, NOW);
  const crowd = await aCrowd(database.db, world, NOW, 4);
  users = [...crowd.rock, ...crowd.jazz];
  t = await recommendTestApp(database.db, users, NOW);
  await t.recommend.trainer.run();
}, 60_000);

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

async function listsOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await database.db
    .selectFrom('dailyRecommendations')
    .select(['userId', 'trackId'])
    .where('userId', 'in', [...userIds])
    .where(sql`day::text`, '=', DAY)
    .orderBy('userId')
    .orderBy('position')
    .execute();
  const lists = new Map<string, string[]>();
  for (const row of rows) lists.set(row.userId, [...(lists.get(row.userId) ?? []), row.trackId]);
  return lists;
}

async function forget(userIds: readonly string[]): Promise<void> {
  await database.db
    .deleteFrom('dailyLists')
    .where('userId', 'in', [...userIds])
    .execute();
}

describe('daily lists on worker threads', () => {
  it('makes the same lists as the main thread, every batch once', async () => {
    const ids = users.map((user) => user.id);
    expect(await t.recommend.daily.generate(ids, DAY)).toBe(ids.length);
    const onMainThread = await listsOf(ids);
    onMainThreadLength = onMainThread.get(ids[0]!)!.length;
    await forget(ids);

    const batches = [ids.slice(0, 3), ids.slice(3, 5), ids.slice(5)].map((userIds) => ({
      userIds,
      day: DAY,
    }));
    const made = await generateOnWorkers({ databaseUrl: database.url, workers: 2 }, batches, NOW);

    expect(made).toBe(ids.length);
    const onWorkers = await listsOf(ids);
    expect(onWorkers.size).toBe(ids.length);
    for (const id of ids) {
      expect(onWorkers.get(id)!.length).toBeGreaterThan(0);
      expect(onWorkers.get(id)).toEqual(onMainThread.get(id));
    }
    const heads = await database.db
      .selectFrom('dailyLists')
      .select(['generatedAt', 'modelId'])
      .where('userId', 'in', ids)
      .execute();
    // made at the job's time, from the stored model
    expect(new Set(heads.map((head) => head.generatedAt.toISOString()))).toEqual(
      new Set([NOW.toISOString()]),
    );
    expect(heads.every((head) => head.modelId !== null)).toBe(true);
  }, 60_000);

  it('skips users who already have a list', async () => {
    const ids = users.map((user) => user.id);
    const made = await generateOnWorkers(
      { databaseUrl: database.url, workers: 2 },
      [{ userIds: ids, day: DAY }],
      NOW,
    );
    expect(made).toBe(0);
  }, 60_000);

  it('stops at once when the server shuts down (aborted), keeping what was saved', async () => {
    const ids = users.map((user) => user.id);
    await forget(ids);
    const stopping = new AbortController();
    const round = generateOnWorkers(
      { databaseUrl: database.url, workers: 2 },
      ids.map((id) => ({ userIds: [id], day: DAY })),
      NOW,
      stopping.signal,
    );
    stopping.abort(new Error('the server is stopping'));
    await expect(round).rejects.toThrow('the server is stopping');
    const saved = await listsOf(ids);
    expect(saved.size).toBeLessThan(ids.length);
    // every list that was saved is whole
    for (const list of saved.values()) expect(list.length).toBe(onMainThreadLength);
  }, 60_000);

  it('fails instead of hanging when a worker cannot reach the database', async () => {
    const unreachable = new URL(database.url);
    unreachable.port = '1';
    await expect(
      generateOnWorkers(
        { databaseUrl: unreachable.toString(), workers: 1 },
        [{ userIds: [users[0]!.id], day: DAY }],
        NOW,
      ),
    ).rejects.toThrow(/daily lists failed in a worker/);
  }, 60_000);
});
