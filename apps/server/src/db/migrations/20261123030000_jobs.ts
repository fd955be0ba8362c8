import { sql, type Kysely } from 'kysely';

/**
 * Scheduled job runs. One row per (job, slot): the slot key names the period a run covers
 * (an hour, a day in a time zone…), so inserting the row is the claim and a second instance
 * that tries the same slot gets nothing. A run left `running` by a crashed instance is
 * claimed again once it is older than its job's timeout.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job_runs (
      name text NOT NULL,
      slot text NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      attempts integer NOT NULL DEFAULT 1,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      result jsonb,
      error text,
      PRIMARY KEY (name, slot)
    )`.execute(db);
  await sql`CREATE INDEX job_runs_recent_idx ON job_runs (name, started_at DESC)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
