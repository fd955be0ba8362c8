import { z } from 'zod';

export const scanRunSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'completed', 'failed']),
    trigger: z.string().describe('who started it: api, cli, import…'),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    total: z.number().int().describe('audio files found (known once the folders are walked)'),
    processed: z.number().int(),
    added: z.number().int(),
    updated: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe('files that could not be imported and other problems, at most 500'),
  })
  .meta({ id: 'ScanRun' });

export const scanRunResponseSchema = z.object({ data: scanRunSchema });
export const latestScanResponseSchema = z.object({ data: scanRunSchema.nullable() });

export const libraryFolderSchema = z
  .object({
    id: z.string(),
    path: z.string(),
    trackCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'LibraryFolder' });

export const MAX_FOLDER_LIMIT = 200;

export const folderListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_FOLDER_LIMIT).default(50),
  cursor: z
    .string()
    .min(1)
    .max(4096)
    .refine((s) => !s.includes('\u0000'), 'invalid cursor')
    .optional()
    .describe('nextCursor of the previous page'),
});

export const folderPageSchema = z.object({
  data: z.array(libraryFolderSchema),
  nextCursor: z.string().nullable(),
});
