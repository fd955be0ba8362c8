import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface ClaimOptions {
  now: Date;
  /** a `running` row older than this belongs to a crashed instance and may be taken over */
  staleAfterMs: number;
  /** a failed slot is tried again after this, up to maxAttempts */
  retryAfterMs: number;
  maxAttempts: number;
}

export interface JobRunRow {
  name: string;
  slot: string;
  status: 'running' | 'completed' | 'failed';
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

/** The job_runs table: inserting a (job, slot) row is the claim to run it. */
export class JobRunsRepository {
  constructor(private readonly db: Db) {}

  /** True when this caller now owns the run of `slot`; false when another has or had it. */
  async claim(name: string, slot: string, options: ClaimOptions): Promise<boolean> {
    const staleBefore = new Date(options.now.getTime() - options.staleAfterMs);
    const retryBefore = new Date(options.now.getTime() - options.retryAfterMs);
    const row = await this.db
      .insertInto('jobRuns')
      .values({ name, slot, status: 'running', startedAt: options.now })
      .onConflict((oc) =>
        oc
          .columns(['name', 'slot'])
          .doUpdateSet({
            status: 'running',
            attempts: sql<number>`job_runs.attempts + 1`,
            startedAt: options.now,
            finishedAt: null,
            error: null,
          })
          .where((eb) =>
            eb.or([
              eb.and([eb('jobRuns.status', '=', 'running'), eb('jobRuns.startedAt', '<', staleBefore)]),
              eb.and([
                eb('jobRuns.status', '=', 'failed'),
                eb('jobRuns.attempts', '<', options.maxAttempts),
                eb('jobRuns.finishedAt', '<', retryBefore),
              ]),
            ]),
          ),
      )
      .returning('attempts')
      .executeTakeFirst();
    return row !== undefined;
  }

  async finish(
    name: string,
    slot: string,
    at: Date,
    outcome: { result?: unknown; error?: string },
  ): Promise<void> {
    await this.db
      .updateTable('jobRuns')
      .set({
        status: outcome.error === undefined ? 'completed' : 'failed',
        finishedAt: at,
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        error: outcome.error ?? null,
      })
      .where('name', '=', name)
      .where('slot', '=', slot)
      .execute();
  }

  async latest(name: string, limit = 10): Promise<JobRunRow[]> {
    return this.db
      .selectFrom('jobRuns')
      .select(['name', 'slot', 'status', 'attempts', 'startedAt', 'finishedAt', 'error'])
      .where('name', '=', name)
      .orderBy('startedAt', 'desc')
      .limit(limit)
      .execute();
  }

  /** Runs older than the cutoff are history nobody reads; keeps the table small. */
  async prune(before: Date): Promise<void> {
    await this.db
      .deleteFrom('jobRuns')
      .where('startedAt', '<', before)
      .where('status', '!=', 'running')
      .execute();
  }
}
