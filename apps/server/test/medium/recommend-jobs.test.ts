import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaylistAccessRepository } from '../../src/modules/playlists/playlist-access.repository.ts';
import { trainInWorker } from '../../src/modules/recommend/engine/worker.ts';
import { createRecommendModule } from '../../src/modules/recommend/recommend.module.ts';
import type { TrainFunction } from '../../src/modules/recommend/trainer.ts';
import { createLogger } from '../../src/platform/logger.ts';
import {
  aCrowd,
  aTasteWorld,
  aUserIn,
  recommendTestApp,
  type RecommendTestApp,
} from '../factories/recommend.ts';
import type { BuiltUser } from '../factories/playlists.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The scheduled jobs on a fixed clock: the nightly model is trained on a worker thread and
 * stored, and the daily job makes lists for the users whose own clock is past 06:00, and only
 * for them.
 */

// 07:00 on the 24th in Shanghai, 04:30 on the 24th in Kolkata, midnight in Berlin, 15:00 on the
// 23rd in Los Angeles.
const NOW = new Date('2026-11-23T23:00:00.000Z');

let database: TestDatabase;
let t: RecommendTestApp;
let shanghai: BuiltUser;
let kolkata: BuiltUser;
let berlin: BuiltUser;
let losAngeles: BuiltUser;
let early: BuiltUser;
/** event-loop turns seen while each training ran */
const turnsWhileTraining: number[] = [];

const inWorkerCountingTurns: TrainFunction = async (input, config, options) => {
  let turns = 0;
  const timer = setInterval(() => turns++, 1);
  try {
    return await trainInWorker(input, config, options);
  } finally {
    clearInterval(timer);
    turnsWhileTraining.push(turns);
  }
};

beforeAll(async () => {
  database = await createTestDatabase();
  const world = await aTasteWorld(database.db, NOW);
  await aCrowd(database.db, world, NOW, 4);
  shanghai = await aUserIn(database.db, 'Asia/Shanghai');
  kolkata = await aUserIn(database.db, 'Asia/Kolkata');
  berlin = await aUserIn(database.db, 'Europe/Berlin');
  losAngeles = await aUserIn(database.db, 'America/Los_Angeles');
  early = await aUserIn(database.db, 'Asia/Shanghai');
  t = await recommendTestApp(database.db, [shanghai, kolkata, berlin, losAngeles, early], NOW, {
    train: inWorkerCountingTurns,
  });
});

afterAll(async () => {
  await t?.close();
  await database?.drop();
});

async function listsOf(user: BuiltUser) {
  const rows = await database.db
    .selectFrom('dailyLists')
    .select((eb) => [eb.cast<string>('day', 'text').as('day'), 'generatedAt'])
    .where('userId', '=', user.id)
    .orderBy('day')
    .execute();
  return rows;
}

async function run(job: string) {
  return database.db
    .selectFrom('jobRuns')
    .select(['slot', 'status', 'result', 'error'])
    .where('name', '=', job)
    .orderBy('startedAt')
    .execute();
}

describe('the recommendation jobs', () => {
  it('make lists only for users whose local clock is past 06:00, and train the model on a worker thread', async () => {
    // Someone opened the app at 06:59 Shanghai time: their list exists already.
    t.clock.set(new Date(NOW.getTime() - 60_000));
    expect((await t.call(early, 'GET', '/api/v1/recommend/daily')).statusCode).toBe(200);
    const [earlyList] = await listsOf(early);
    t.clock.set(NOW);

    await t.scheduler.tick();
    await t.scheduler.idle();

    expect((await listsOf(shanghai)).map((l) => l.day)).toEqual(['2026-11-24']);
    expect((await listsOf(losAngeles)).map((l) => l.day)).toEqual(['2026-11-23']);
    expect(await listsOf(kolkata)).toEqual([]);
    expect(await listsOf(berlin)).toEqual([]);
    expect(await listsOf(early)).toEqual([earlyList]);
    const [daily] = await run('recommend.daily');
    expect(daily).toMatchObject({ status: 'completed', result: { made: expect.any(Number) } });

    const [train] = await run('recommend.train');
    expect(train).toMatchObject({
      slot: '2026-11-24',
      status: 'completed',
      result: { kind: 'collaborative' },
    });
    const models = await database.db.selectFrom('recommendModels').select(['id', 'kind']).execute();
    expect(models).toEqual([{ id: expect.any(Number), kind: 'collaborative' }]);
    expect((await t.recommend.models.current())?.id).toBe(models[0]!.id);
    // The main thread kept turning while the model trained.
    expect(turnsWhileTraining).toHaveLength(1);
    expect(turnsWhileTraining[0]).toBeGreaterThan(5);
  });

  it('reach Kolkata once its clock passes 06:00, and not Berlin still in the night', async () => {
    t.clock.set(new Date('2026-11-24T01:00:00.000Z'));
    await t.scheduler.tick();
    await t.scheduler.idle();
    expect((await listsOf(kolkata)).map((l) => l.day)).toEqual(['2026-11-24']);
    expect(await listsOf(berlin)).toEqual([]);
    expect((await listsOf(shanghai)).map((l) => l.day)).toEqual(['2026-11-24']);
    // the night's model was trained once; the same slot does not train again
    expect(await run('recommend.train')).toHaveLength(1);
    expect(await database.db.selectFrom('recommendModels').select('id').execute()).toHaveLength(1);
  });

  it('hand the model to the other instances through the database', async () => {
    const other = createRecommendModule({
      db: database.db,
      clock: t.clock,
      logger: createLogger('silent'),
      scheduler: { register: () => undefined },
      playlistAccess: new PlaylistAccessRepository(database.db),
      modelRecheckMs: 0,
    });
    const mine = await t.recommend.models.current();
    const theirs = await other.models.current();
    expect(theirs?.id).toBe(mine?.id);
    expect(theirs?.catalog.size).toBe(mine?.catalog.size);
    // the same model scores alike on both instances
    const user = shanghai.id;
    expect(await other.fm.rank(user, 'default')).toEqual(await t.recommend.fm.rank(user, 'default'));
    await other.stop();
  });

  it('serve the list the job made, unchanged', async () => {
    const response = await t.call(shanghai, 'GET', '/api/v1/recommend/daily');
    expect(response.statusCode).toBe(200);
    const [list] = await listsOf(shanghai);
    expect(response.json().data.date).toBe('2026-11-24');
    expect(response.json().data.generatedAt).toBe(list!.generatedAt.toISOString());
  });
});
