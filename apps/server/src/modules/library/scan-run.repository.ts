import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ScanError } from '../../db/schema.ts';

export type ScanStatus = 'running' | 'completed' | 'failed';

export interface ScanCounts {
  total: number;
  processed: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  failed: number;
}

export interface ScanRunRow extends ScanCounts {
  id: string;
  status: ScanStatus;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  errors: ScanError[];
}

const columns = [
  'id',
  'status',
  'trigger',
  'startedAt',
  'finishedAt',
  'total',
  'processed',
  'added',
  'updated',
  'removed',
  'unchanged',
  'failed',
  'errors',
] as const;

export class ScanRunRepository {
  constructor(private readonly db: Db) {}

  create(trigger: string, startedAt: Date): Promise<ScanRunRow> {
    return this.db
      .insertInto('scanRuns')
      .values({ status: 'running', trigger, startedAt })
      .returning(columns)
      .executeTakeFirstOrThrow();
  }

  latest(): Promise<ScanRunRow | undefined> {
    return this.db
      .selectFrom('scanRuns')
      .select(columns)
      .orderBy('startedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  findById(id: string): Promise<ScanRunRow | undefined> {
    return this.db.selectFrom('scanRuns').select(columns).where('id', '=', id).executeTakeFirst();
  }

  /** Progress while running; errors are written only when given (they rarely change). */
  async progress(id: string, counts: ScanCounts, errors?: ScanError[]): Promise<void> {
    await this.db
      .updateTable('scanRuns')
      .set({ ...counts, ...(errors ? { errors: JSON.stringify(errors) } : {}) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async finish(
    id: string,
    status: Exclude<ScanStatus, 'running'>,
    counts: ScanCounts,
    errors: ScanError[],
    finishedAt: Date,
  ): Promise<void> {
    await this.db
      .updateTable('scanRuns')
      .set({ ...counts, status, errors: JSON.stringify(errors), finishedAt })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Marks runs left 'running' by a process that died. Called only while holding the scan
   * lock, when no other scan can be running.
   */
  async failAbandoned(finishedAt: Date): Promise<void> {
    await this.db
      .updateTable('scanRuns')
      .set({
        status: 'failed',
        finishedAt,
        errors: sql<string>`errors || ${JSON.stringify([{ path: '', message: 'the scan stopped before finishing (its process ended)' }])}::jsonb`,
      })
      .where('status', '=', 'running')
      .execute();
  }
}
