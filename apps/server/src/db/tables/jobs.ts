import type { ColumnType } from 'kysely';

export type JobRunStatus = 'running' | 'completed' | 'failed';

export interface JobRunsTable {
  name: string;
  slot: string;
  status: JobRunStatus;
  attempts: ColumnType<number, number | undefined, number>;
  startedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  finishedAt: Date | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  error: string | null;
}

export interface JobTables {
  jobRuns: JobRunsTable;
}
