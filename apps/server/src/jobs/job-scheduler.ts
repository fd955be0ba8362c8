import type { Clock } from '../platform/clock.ts';
import type { Logger } from '../platform/logger.ts';
import type { JobRunsRepository } from './job-runs.repository.ts';
import { currentSlot, type JobSchedule } from './job-slots.ts';

export interface JobContext {
  slot: string;
  now: Date;
}

/** A scheduled job: its name, when it is due, and what it does (the result is stored). */
export interface JobDefinition {
  name: string;
  schedule: JobSchedule;
  run(context: JobContext): Promise<unknown>;
  /** how long a run may take before another instance assumes it crashed; default 30 min */
  timeoutMs?: number;
}

export interface JobSchedulerOptions {
  /** how often due slots are checked; default 30 s */
  tickMs?: number;
  maxAttempts?: number;
  retryAfterMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Runs scheduled jobs once per slot across every instance sharing the database (the claim is a
 * row in job_runs), catches up a slot missed while the server was down, and retries a failed
 * slot a few times. Runs happen in this process; a job that is still running here is not
 * started again by the next tick.
 */
export class JobScheduler {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private lastPrune = 0;

  constructor(
    private readonly runs: JobRunsRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: JobSchedulerOptions = {},
  ) {}

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    currentSlot(job.schedule, this.clock.now()); // fails now, not at 06:00, on a bad schedule
    this.jobs.set(job.name, job);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 30_000);
    this.timer.unref();
    void this.tick();
  }

  /** Checks every job once and starts those whose current slot is unclaimed. */
  tick(): Promise<void> {
    this.ticking ??= this.checkAll().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /** Runs a job now, outside its schedule (CLI, admin, tests). Resolves when it has finished. */
  async runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    return this.claimAndRun(job, `manual:${this.clock.now().toISOString()}`);
  }

  /** Resolves when every run started by this instance has finished. */
  async idle(): Promise<void> {
    await this.ticking;
    await Promise.all(this.running.values());
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  private async checkAll(): Promise<void> {
    const now = this.clock.now();
    for (const job of this.jobs.values()) {
      if (this.running.has(job.name)) continue;
      try {
        void this.claimAndRun(job, currentSlot(job.schedule, now));
      } catch (error) {
        this.logger.error({ err: error, job: job.name }, 'job schedule failed');
      }
    }
    if (now.getTime() - this.lastPrune > DAY) {
      this.lastPrune = now.getTime();
      await this.runs.prune(new Date(now.getTime() - 30 * DAY)).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'pruning job runs failed');
      });
    }
  }

  private claimAndRun(job: JobDefinition, slot: string): Promise<boolean> {
    const run = this.execute(job, slot);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.running.set(job.name, settled);
    void settled.then(() => {
      if (this.running.get(job.name) === settled) this.running.delete(job.name);
    });
    return run;
  }

  private async execute(job: JobDefinition, slot: string): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await this.runs
      .claim(job.name, slot, {
        now,
        staleAfterMs: job.timeoutMs ?? 30 * 60_000,
        retryAfterMs: this.options.retryAfterMs ?? 5 * 60_000,
        maxAttempts: this.options.maxAttempts ?? 3,
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error, job: job.name }, 'could not claim job slot');
        return false;
      });
    if (!claimed) return false;
    const started = Date.now();
    try {
      const result = await job.run({ slot, now });
      await this.runs.finish(job.name, slot, this.clock.now(), { result: result ?? null });
      this.logger.info({ job: job.name, slot, ms: Date.now() - started }, 'job completed');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error, job: job.name, slot }, 'job failed');
      await this.runs.finish(job.name, slot, this.clock.now(), { error: message }).catch(() => undefined);
    }
    return true;
  }
}
