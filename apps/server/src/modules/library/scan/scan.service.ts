import { stat } from 'node:fs/promises';
import { conflict } from '../../../http/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { ScanSummary } from '../library.module.ts';
import { isWithin, type FolderRow } from '../library-folder.repository.ts';
import type { ScanRunRepository, ScanRunRow } from '../scan-run.repository.ts';
import { mapBounded } from './bounded-map.ts';
import { CoverStore } from './cover-extractor.ts';
import { walkLibrary, type WalkResult } from './file-walker.ts';
import type { ScanLock } from './scan-lock.ts';
import { ProgressReporter, ScanTally, type ProgressEvent } from './scan-progress.ts';
import { CatalogCache, type ScanRepository, type TrackToWrite } from './scan.repository.ts';
import { TrackPreparer, type FileToPrepare } from './track-preparer.ts';

export interface StartedScan {
  run: ScanRunRow;
  /** settles when the scan has finished; the scan lock is released by then */
  done: Promise<ScanSummary>;
}

/** Files per transaction: big enough to amortise the round trips, small enough to retry one by one. */
const BATCH_SIZE = 100;
/** Files whose tags are read at the same time. */
const PARSE_CONCURRENCY = 8;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

class ScanStopped extends Error {
  constructor() {
    super('the scan was stopped because the server is shutting down');
  }
}

/**
 * Runs library scans: one at a time across all processes (advisory lock), incremental (files
 * whose size and mtime are unchanged are not read again), and never destructive when a folder
 * is missing. See the module README for the flow.
 */
export class ScanService {
  private readonly stopping = new AbortController();
  private current: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly tracks: ScanRepository,
    private readonly runs: ScanRunRepository,
    private readonly lock: ScanLock,
    private readonly coversDir: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onTracksChanged?: (trackIds: string[]) => Promise<void>,
  ) {}

  /**
   * Takes the scan lock and opens a scan run, then scans the folders `resolveFolders` returns
   * (called under the lock, so folder registration cannot race another scan). Throws 409
   * `scan_in_progress` at once when another scan holds the lock.
   */
  async start(
    trigger: string,
    resolveFolders: () => Promise<FolderRow[]>,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<StartedScan> {
    if (this.stopping.signal.aborted) throw conflict('scan_unavailable', 'The server is shutting down');
    const lease = await this.lock.tryAcquire();
    if (!lease) {
      throw conflict(
        'scan_in_progress',
        'A library scan is already running (in the server or another terminal); try again when it has finished',
      );
    }
    let run: ScanRunRow;
    try {
      await this.runs.failAbandoned(this.clock.now());
      run = await this.runs.create(trigger, this.clock.now());
    } catch (error) {
      await lease.release();
      throw error;
    }
    const done = this.execute(run, resolveFolders, onProgress).finally(() => lease.release());
    this.current = done.catch(() => undefined);
    return { run, done };
  }

  /** Runs `work` while holding the scan lock, or returns null at once if a scan is running. */
  async whileLocked<T>(work: () => Promise<T>): Promise<T | null> {
    const lease = await this.lock.tryAcquire();
    if (!lease) return null;
    try {
      return await work();
    } finally {
      await lease.release();
    }
  }

  /** Stops a running scan at its next batch and waits for it to record how far it got. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.current;
  }

  private async execute(
    run: ScanRunRow,
    resolveFolders: () => Promise<FolderRow[]>,
    onProgress?: (event: ProgressEvent) => void,
  ): Promise<ScanSummary> {
    const started = performance.now();
    const tally = new ScanTally();
    const reporter = new ProgressReporter(this.runs, run.id, tally, this.logger, onProgress);
    const { counts } = tally;
    try {
      const { work, removals } = await this.survey(await resolveFolders(), tally);
      counts.total = counts.unchanged + work.length;
      counts.processed = counts.unchanged;
      reporter.tick();

      const changed = await this.importFiles(work, tally, reporter);
      if (removals.length > 0) counts.removed = await this.tracks.deleteTracks(removals);
      if (counts.removed > 0 || counts.updated > 0) await this.tracks.deleteOrphans();

      await reporter.settle();
      await this.runs.finish(run.id, 'completed', { ...counts }, tally.errors, this.clock.now());
      await this.announce(changed);
      const seconds = (performance.now() - started) / 1000;
      return {
        added: counts.added,
        updated: counts.updated,
        removed: counts.removed,
        unchanged: counts.unchanged,
        failed: counts.failed,
        total: counts.total,
        filesPerSecond: seconds > 0 ? counts.total / seconds : counts.total,
        errors: [...tally.errors],
      };
    } catch (error) {
      tally.note('', `the scan failed: ${describe(error)}`);
      await reporter.settle();
      await this.runs
        .finish(run.id, 'failed', { ...counts }, tally.errors, this.clock.now())
        .catch((finishError: unknown) =>
          this.logger.error({ err: finishError }, 'could not record the failed scan'),
        );
      throw error;
    }
  }

  /**
   * Walks every folder and compares with the database: which files to read, which tracks are
   * gone. A file is read again when its size or mtime changed, or when a lyrics file or image
   * next to it changed since it was imported. A folder that is missing (an unplugged disk) is
   * reported and its tracks are kept.
   */
  private async survey(
    folders: FolderRow[],
    tally: ScanTally,
  ): Promise<{ work: FileToPrepare[]; removals: string[] }> {
    const work: FileToPrepare[] = [];
    const removals: string[] = [];
    for (const folder of folders) {
      if (!(await isDirectory(folder.path))) {
        tally.note(
          folder.path,
          'the library folder is missing or not a folder; its tracks are kept until it is back',
        );
        continue;
      }
      const walk: WalkResult = await walkLibrary(folder.path);
      for (const problem of walk.unreadable) tally.note(problem.path, problem.message);
      const existing = await this.tracks.existingTracks(folder.id);
      const seen = new Set<string>();
      for (const dir of walk.directories) {
        for (const file of dir.audio) {
          seen.add(file.path);
          const known = existing.get(file.path);
          const same =
            known &&
            known.size === file.size &&
            known.mtimeMs === file.mtimeMs &&
            dir.sidecarsChangedMs <= known.updatedAtMs;
          if (same) {
            tally.counts.unchanged++;
          } else {
            work.push({ folderId: folder.id, dir, file, existingId: known?.id ?? null });
          }
        }
      }
      for (const [path, track] of existing) {
        // Tracks under a folder we could not read this time are not known to be gone.
        if (!seen.has(path) && !walk.unreadable.some((problem) => isWithin(problem.path, path))) {
          removals.push(track.id);
        }
      }
    }
    return { work, removals };
  }

  /**
   * Reads files in batches with bounded concurrency; each batch is written in one transaction
   * while the next batch is being read. Returns the ids of added and updated tracks.
   */
  private async importFiles(
    work: FileToPrepare[],
    tally: ScanTally,
    reporter: ProgressReporter,
  ): Promise<string[]> {
    const preparer = new TrackPreparer(new CoverStore(this.coversDir), this.logger);
    const cache = new CatalogCache();
    const changed: string[] = [];
    let writing: Promise<void> = Promise.resolve();
    let writeError: unknown = null;

    for (let i = 0; i < work.length; i += BATCH_SIZE) {
      if (this.stopping.signal.aborted) throw new ScanStopped();
      const prepared = await mapBounded(work.slice(i, i + BATCH_SIZE), PARSE_CONCURRENCY, async (item) => {
        try {
          return await preparer.prepare(item);
        } catch (error) {
          tally.fail(item.file.path, describe(error));
          return null;
        } finally {
          tally.counts.processed++;
          reporter.tick(item.file.path);
        }
      });
      await writing;
      if (writeError) throw writeError;
      const batch = prepared.filter((track): track is TrackToWrite => track !== null);
      // Not awaited here: the next batch is read while this one is written. The catch keeps a
      // failure from going unhandled until the next iteration awaits it.
      writing = this.write(batch, cache, tally, changed).catch((error: unknown) => {
        writeError = error;
      });
    }
    await writing;
    if (writeError) throw writeError;
    return changed;
  }

  /** Writes a batch; if the batch fails, each track alone, so one bad row costs one file. */
  private async write(
    batch: TrackToWrite[],
    cache: CatalogCache,
    tally: ScanTally,
    changed: string[],
  ): Promise<void> {
    if (batch.length === 0) return;
    const record = (written: { id: string }[], tracks: TrackToWrite[]) => {
      tracks.forEach((track, i) => {
        if (track.existingId) tally.counts.updated++;
        else tally.counts.added++;
        changed.push(written[i]!.id);
      });
    };
    try {
      record(await this.tracks.writeBatch(batch, cache, this.clock.now()), batch);
      return;
    } catch (error) {
      if (batch.length === 1) {
        tally.fail(batch[0]!.path, `could not be saved: ${describe(error)}`);
        return;
      }
      this.logger.warn({ err: error }, 'scan batch failed; saving its tracks one by one');
    }
    for (const track of batch) {
      try {
        record(await this.tracks.writeBatch([track], cache, this.clock.now()), [track]);
      } catch (error) {
        tally.fail(track.path, `could not be saved: ${describe(error)}`);
      }
    }
  }

  private async announce(trackIds: string[]): Promise<void> {
    if (trackIds.length === 0 || !this.onTracksChanged) return;
    try {
      await this.onTracksChanged(trackIds);
    } catch (error) {
      this.logger.warn({ err: error, tracks: trackIds.length }, 'onTracksChanged failed after a scan');
    }
  }
}
