import type { z } from 'zod';
import type { FolderWithCount } from './library-folder.repository.ts';
import type { libraryFolderSchema, scanRunSchema } from './library.schema.ts';
import type { ScanRunRow } from './scan-run.repository.ts';

export function presentScanRun(run: ScanRunRow): z.infer<typeof scanRunSchema> {
  return {
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    total: run.total,
    processed: run.processed,
    added: run.added,
    updated: run.updated,
    removed: run.removed,
    unchanged: run.unchanged,
    failed: run.failed,
    errors: run.errors,
  };
}

export function presentFolder(folder: FolderWithCount): z.infer<typeof libraryFolderSchema> {
  return {
    id: folder.id,
    path: folder.path,
    trackCount: folder.trackCount,
    createdAt: folder.createdAt.toISOString(),
  };
}
