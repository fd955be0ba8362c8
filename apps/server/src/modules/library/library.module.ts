import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DataPaths } from '../../platform/data-paths.ts';
import type { Logger } from '../../platform/logger.ts';

export interface LibraryModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
  /** library folders from the configuration; folders added with `resonance import` live in the database */
  musicDirs: string[];
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
}

// Placeholder until the scanner and browse API land.
export function createLibraryModule(_deps: LibraryModuleDeps): LibraryModule {
  const empty: ScanSummary = {
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    failed: 0,
    total: 0,
    filesPerSecond: 0,
    errors: [],
  };
  return {
    routes: [],
    scans: {
      registerConfiguredFolders: async () => undefined,
      importFolder: async () => empty,
      scanAll: async () => empty,
    },
  };
}
