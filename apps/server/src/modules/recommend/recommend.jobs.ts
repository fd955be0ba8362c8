import type { JobDefinition } from '../../jobs/job-scheduler.ts';
import type { DailyRepository } from './daily.repository.ts';
import type { DailyBatch } from './daily-workers.ts';
import type { DailyService } from './daily.service.ts';
import type { FmRepository } from './fm.repository.ts';
import { daysBefore, dueDay, KEEP_DAYS } from './recommendation-day.ts';
import type { Trainer } from './trainer.ts';

export const TRAIN_JOB = 'recommend.train';
export const DAILY_JOB = 'recommend.daily';
/** The nightly rebuild runs before the earliest 06:00 of most users of a server's region. */
export const TRAIN_AT = '04:30';
/** Users whose lists are made per batch (one round of feedback queries, parsed in one go). */
const DAILY_BATCH = 100;
/**
 * From this many users due in one round, lists are made on worker threads (when the job has
 * them): starting workers and loading the model there costs a few seconds, the lists of a thousand
 * users half a minute of the event loop.
 */
export const DAILY_WORKERS_FROM = 1000;
const HOUR = 3_600_000;

/**
 * Nightly training at 04:30 in the server's own time zone (no setting: an instance serves one
 * region; a missed night, or a fresh install, trains at the next start thanks to the slot
 * catch-up of jobs/). Training runs on a worker thread; `signal` aborts it on shutdown.
 */
export function trainJob(
  trainer: Pick<Trainer, 'run'>,
  timeZone: string,
  signal: AbortSignal,
): JobDefinition {
  return {
    name: TRAIN_JOB,
    schedule: { daily: { at: TRAIN_AT, timeZone } },
    timeoutMs: 3 * HOUR,
    run: () => trainer.run(signal),
  };
}

/**
 * Every 15 minutes: for each time zone whose local clock is past 06:00, make the lists of the
 * users there who have none for their date yet; then prune lists older than a week and FM
 * memories older than a week. The order of users is shuffled per slot, so two instances
 * running at once mostly take different users (the list's header row settles any overlap).
 */
export function dailyJob(deps: {
  lists: Pick<DailyRepository, 'timeZones' | 'usersWithoutList' | 'prune'>;
  daily: Pick<DailyService, 'generate'>;
  fm: Pick<FmRepository, 'prune'>;
  /** makes the lists of big rounds on worker threads (absent: all on this thread) */
  onWorkers?: (batches: readonly DailyBatch[], now: Date, signal?: AbortSignal) => Promise<number>;
  /** aborts a round under way (shutdown); lists already made stay, the rest wait for the next slot */
  signal?: AbortSignal;
}): JobDefinition {
  return {
    name: DAILY_JOB,
    schedule: { every: { minutes: 15 } },
    timeoutMs: 3 * HOUR,
    run: async ({ slot, now }) => {
      const batches: DailyBatch[] = [];
      for (const zone of await deps.lists.timeZones()) {
        const day = dueDay(now, zone);
        if (!day) continue;
        const users = await deps.lists.usersWithoutList(zone, day, slot);
        for (let i = 0; i < users.length; i += DAILY_BATCH) {
          batches.push({ userIds: users.slice(i, i + DAILY_BATCH), day });
        }
      }
      const due = batches.reduce((sum, batch) => sum + batch.userIds.length, 0);
      let made = 0;
      if (deps.onWorkers && due >= DAILY_WORKERS_FROM) {
        made = await deps.onWorkers(batches, now, deps.signal);
      } else {
        for (const batch of batches) {
          deps.signal?.throwIfAborted();
          made += await deps.daily.generate(batch.userIds, batch.day);
        }
      }
      // The zone furthest behind is at most 2 days before the UTC date in recommendation days
      // (a calendar day behind, and before its 06:00): its week-old lists must stay.
      const utcDay = now.toISOString().slice(0, 10);
      const prunedLists = await deps.lists.prune(daysBefore(utcDay, KEEP_DAYS + 2));
      const prunedFm = await deps.fm.prune(new Date(now.getTime() - KEEP_DAYS * 24 * HOUR));
      return { due, made, prunedLists, prunedFm };
    },
  };
}
