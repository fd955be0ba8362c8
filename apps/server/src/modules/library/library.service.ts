import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { badRequest } from '../../http/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { LibraryFolderRepository, FolderRow, FolderWithCount } from './library-folder.repository.ts';
import type { LibraryScans, ScanProgress, ScanSummary } from './library.module.ts';
import type { ScanRunRepository, ScanRunRow } from './scan-run.repository.ts';
import type { ScanService } from './scan/scan.service.ts';

/**
 * Library folders and scans, for the CLI (`resonance import`, `resonance scan`), the first-start
 * demo import and the admin API.
 */
export class LibraryService implements LibraryScans {
  constructor(
    private readonly folders: LibraryFolderRepository,
    private readonly runs: ScanRunRepository,
    private readonly scanner: ScanService,
    private readonly musicDirs: readonly string[],
    private readonly logger: Logger,
  ) {}

  /**
   * Registers the configured folders. Registering can merge folders (and move their tracks),
   * so it happens under the scan lock; if a scan is running it is skipped here, and the next
   * full scan registers them, as every full scan does.
   */
  async registerConfiguredFolders(): Promise<void> {
    const done = await this.scanner.whileLocked(() => this.registerConfigured());
    if (done === null)
      this.logger.info('a library scan is running; configured folders are registered by the next scan');
  }

  async importFolder(folder: string, onProgress?: (p: ScanProgress) => void): Promise<ScanSummary> {
    const dir = await this.resolveFolder(folder);
    const { done } = await this.scanner.start(
      'import',
      async () => [await this.folders.register(dir)],
      onProgress,
    );
    return done;
  }

  async scanAll(trigger: string, onProgress?: (p: ScanProgress) => void): Promise<ScanSummary> {
    const { done } = await this.scanner.start(trigger, () => this.allFolders(), onProgress);
    return done;
  }

  /** Starts a full scan in the background and returns its run at once (409 if one is running). */
  async startScanAll(trigger: string): Promise<ScanRunRow> {
    const { run, done } = await this.scanner.start(trigger, () => this.allFolders());
    done.then(
      (summary) =>
        this.logger.info(
          { runId: run.id, ...summary, errors: summary.errors.length },
          'library scan finished',
        ),
      (error: unknown) => this.logger.error({ err: error, runId: run.id }, 'library scan failed'),
    );
    return run;
  }

  async latestScan(): Promise<ScanRunRow | null> {
    return (await this.runs.latest()) ?? null;
  }

  /** Folders by path, a page at a time; `after` is the last path of the previous page. */
  async listFolders(
    limit: number,
    after?: string,
  ): Promise<{ items: FolderWithCount[]; nextCursor: string | null }> {
    const rows = await this.folders.listWithCounts(limit + 1, after);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.path : null };
  }

  /** Lets a running scan record where it stopped; call before closing the database. */
  stop(): Promise<void> {
    return this.scanner.stop();
  }

  private async allFolders(): Promise<FolderRow[]> {
    await this.registerConfigured();
    return this.folders.list();
  }

  private async registerConfigured(): Promise<void> {
    for (const dir of this.musicDirs) {
      try {
        await this.folders.register(await this.resolveFolder(dir));
      } catch (error) {
        this.logger.warn({ err: error, dir }, 'configured music folder skipped');
      }
    }
  }

  /** The absolute, symlink-free path of a folder, or a 400 saying what is wrong with it. */
  private async resolveFolder(folder: string): Promise<string> {
    let resolved: string;
    try {
      resolved = await realpath(path.resolve(folder));
    } catch {
      throw badRequest('folder_not_found', `No folder at ${folder}`);
    }
    if (!(await stat(resolved)).isDirectory()) throw badRequest('not_a_folder', `${folder} is not a folder`);
    return resolved;
  }
}
