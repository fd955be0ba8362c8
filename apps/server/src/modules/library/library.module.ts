import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataPaths } from '../../platform/data-paths.ts';
import type { Logger } from '../../platform/logger.ts';
import { browseRoutes } from './browse/browse.routes.ts';
import { LibraryFolderRepository } from './library-folder.repository.ts';
import { libraryRoutes } from './library.routes.ts';
import { LibraryService } from './library.service.ts';
import { ScanRunRepository } from './scan-run.repository.ts';
import { ScanLock } from './scan/scan-lock.ts';
import { ScanRepository } from './scan/scan.repository.ts';
import { ScanService } from './scan/scan.service.ts';

export interface LibraryModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
  /** library folders from the configuration; folders added with `resonance import` live in the database */
  musicDirs: string[];
  /**
   * Called after a scan with the ids of the tracks it added or updated (a search index keeps
   * itself current with it). Removed tracks need no call: their rows cascade away.
   */
  onTracksChanged?: (trackIds: string[]) => Promise<void>;
}

export interface ScanSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  failed: number;
  total: number;
  filesPerSecond: number;
  errors: { path: string; message: string }[];
}

export interface ScanProgress {
  processed: number;
  total: number;
  currentPath?: string;
}

export interface LibraryScans {
  /** registers the configured folders (idempotent) */
  registerConfiguredFolders(): Promise<void>;
  /** adds a folder to the library folders and scans it (CLI import) */
  importFolder(folder: string, onProgress?: (p: ScanProgress) => void): Promise<ScanSummary>;
  /** scans every library folder */
  scanAll(trigger: string, onProgress?: (p: ScanProgress) => void): Promise<ScanSummary>;
}

export interface LibraryModule {
  routes: FastifyPluginAsyncZod[];
  scans: LibraryScans;
  /** stops a running scan at its next batch and waits until it has recorded where it stopped */
  stop(): Promise<void>;
}

export function createLibraryModule(deps: LibraryModuleDeps): LibraryModule {
  const { db, clock, logger, paths } = deps;
  const runs = new ScanRunRepository(db);
  const scanner = new ScanService(
    new ScanRepository(db),
    runs,
    new ScanLock(db),
    paths.covers,
    clock,
    logger,
    deps.onTracksChanged,
  );
  const library = new LibraryService(new LibraryFolderRepository(db), runs, scanner, deps.musicDirs, logger);
  return {
    routes: [libraryRoutes({ library }), browseRoutes({ db })],
    scans: library,
    stop: () => library.stop(),
  };
}
