import type { ScanError } from '../../../db/schema.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { ScanCounts, ScanRunRepository } from '../scan-run.repository.ts';

/** More than this and the list stops helping anyone; the `failed` count keeps counting. */
export const MAX_SCAN_ERRORS = 500;
const MAX_MESSAGE = 500;

export interface ProgressEvent {
  processed: number;
  total: number;
  currentPath?: string;
}

/** The counters and error list of one running scan. */
export class ScanTally {
  readonly counts: ScanCounts = {
    total: 0,
    processed: 0,
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    failed: 0,
  };
  readonly errors: ScanError[] = [];

  /** A file that could not be imported. */
  fail(path: string, message: string): void {
    this.counts.failed++;
    this.note(path, message);
  }

  /** A problem that is not one file (a missing folder, an unreadable directory). */
  note(path: string, message: string): void {
    if (this.errors.length < MAX_SCAN_ERRORS)
      this.errors.push({ path, message: message.slice(0, MAX_MESSAGE) });
  }
}

/**
 * Reports progress to the caller on every file (a CLI progress bar redraws cheaply) and to the
 * scan_runs row at most every `intervalMs`, never waiting for that write: the admin page polls
 * the row, and a write per file would cost more than the scan.
 */
export class ProgressReporter {
  private lastWrite = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;
  private errorsWritten = 0;

  constructor(
    private readonly runs: ScanRunRepository,
    private readonly runId: string,
    private readonly tally: ScanTally,
    private readonly logger: Logger,
    private readonly onProgress?: (event: ProgressEvent) => void,
    private readonly intervalMs = 250,
  ) {}

  tick(currentPath?: string): void {
    const { processed, total } = this.tally.counts;
    try {
      this.onProgress?.({ processed, total, currentPath });
    } catch (error) {
      this.logger.warn({ err: error }, 'scan progress callback failed');
    }
    const now = performance.now();
    if (this.inFlight || now - this.lastWrite < this.intervalMs) return;
    this.lastWrite = now;
    this.inFlight = this.write().finally(() => {
      this.inFlight = null;
    });
  }

  /** Waits for a progress write still on its way, so it cannot land after the final one. */
  async settle(): Promise<void> {
    await this.inFlight;
  }

  private async write(): Promise<void> {
    const errors = this.tally.errors.length !== this.errorsWritten ? [...this.tally.errors] : undefined;
    try {
      await this.runs.progress(this.runId, { ...this.tally.counts }, errors);
      if (errors) this.errorsWritten = errors.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'could not record scan progress');
    }
  }
}
