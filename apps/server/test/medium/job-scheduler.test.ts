import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunsRepository } from '../../src/jobs/job-runs.repository.ts';
import { JobScheduler, type JobDefinition } from '../../src/jobs/job-scheduler.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Scheduled jobs run once per slot across instances, catch up after downtime, and retry. */

const logger = pino({ level: 'silent' });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

function countingJob(name: string, schedule: JobDefinition['schedule'], fail = () => false) {
  const slots: string[] = [];
  const job: JobDefinition = {
    name,
    schedule,
    run: async ({ slot }) => {
      slots.push(slot);
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (fail()) throw new Error('boom');
      return { ok: true };
    },
  };
  return { job, slots };
}

describe('JobScheduler', () => {
  it('runs a slot once even when two instances tick at the same moment', async () => {
    const clock = fixedClock(new Date('2026-11-22T10:05:00Z'));
    const a = countingJob('once', { every: { minutes: 30 } });
    const b = countingJob('once', { every: { minutes: 30 } });
    const first = new JobScheduler(new JobRunsRepository(database.db), clock, logger);
    const second = new JobScheduler(new JobRunsRepository(database.db), clock, logger);
    first.register(a.job);
    second.register(b.job);
    await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    await Promise.all([first.idle(), second.idle()]);
    expect([...a.slots, ...b.slots]).toEqual(['2026-11-22T10:00:00.000Z']);

    clock.advance(30 * 60_000);
    await Promise.all([first.tick(), second.tick()]);
    await Promise.all([first.idle(), second.idle()]);
    expect([...a.slots, ...b.slots].sort()).toEqual(['2026-11-22T10:00:00.000Z', '2026-11-22T10:30:00.000Z']);
  });

  it('catches up a daily run missed while the server was down, and only once', async () => {
    // The server was down over 06:00 Shanghai time and comes back at 09:00 the same day.
    const clock = fixedClock(new Date('2026-11-22T01:00:00Z'));
    const daily = countingJob('daily-catch-up', { daily: { at: '06:00', timeZone: 'Asia/Shanghai' } });
    const scheduler = new JobScheduler(new JobRunsRepository(database.db), clock, logger);
    scheduler.register(daily.job);
    await scheduler.tick();
    await scheduler.idle();
    clock.advance(60 * 60_000);
    await scheduler.tick();
    await scheduler.idle();
    expect(daily.slots).toEqual(['2026-11-22']);
    const [run] = await new JobRunsRepository(database.db).latest('daily-catch-up');
    expect(run?.status).toBe('completed');
  });

  it('retries a failed slot after the retry delay, up to the attempt limit', async () => {
    const clock = fixedClock(new Date('2026-11-22T10:05:00Z'));
    const flaky = countingJob('flaky', { every: { minutes: 60 } }, () => true);
    const scheduler = new JobScheduler(new JobRunsRepository(database.db), clock, logger, {
      retryAfterMs: 60_000,
      maxAttempts: 2,
    });
    scheduler.register(flaky.job);
    await scheduler.tick();
    await scheduler.idle();
    await scheduler.tick(); // too soon: not retried
    await scheduler.idle();
    expect(flaky.slots).toHaveLength(1);
    clock.advance(2 * 60_000);
    await scheduler.tick();
    await scheduler.idle();
    clock.advance(2 * 60_000);
    await scheduler.tick(); // attempts exhausted
    await scheduler.idle();
    expect(flaky.slots).toHaveLength(2);
    const [run] = await new JobRunsRepository(database.db).latest('flaky');
    expect(run).toMatchObject({ status: 'failed', attempts: 2, error: 'boom' });
  });

  it('takes over a run left behind by a crashed instance once it is stale', async () => {
    const clock = fixedClock(new Date('2026-11-22T10:05:00Z'));
    const runs = new JobRunsRepository(database.db);
    const options = { now: clock.now(), staleAfterMs: 10 * 60_000, retryAfterMs: 0, maxAttempts: 3 };
    expect(await runs.claim('crashy', 'slot-1', options)).toBe(true);
    expect(await runs.claim('crashy', 'slot-1', options)).toBe(false);
    clock.advance(11 * 60_000);
    expect(await runs.claim('crashy', 'slot-1', { ...options, now: clock.now() })).toBe(true);
  });

  it('runs a job on demand outside its schedule', async () => {
    const clock = fixedClock(new Date('2026-11-22T10:05:00Z'));
    const manual = countingJob('manual', { every: { minutes: 60 } });
    const scheduler = new JobScheduler(new JobRunsRepository(database.db), clock, logger);
    scheduler.register(manual.job);
    expect(await scheduler.runNow('manual')).toBe(true);
    expect(manual.slots).toEqual(['manual:2026-11-22T10:05:00.000Z']);
    expect(() => scheduler.register(manual.job)).toThrow(/twice/);
  });
});
