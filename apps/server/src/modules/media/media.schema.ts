import { z } from 'zod';

export const DEFAULT_TRANSCODE_KBPS = 128;

export const trackParamsSchema = z.object({ id: z.string().max(64) });

export const streamQuerySchema = z
  .object({
    format: z
      .enum(['opus', 'mp3'])
      .optional()
      .describe('Transcode to Opus (in Ogg) or MP3; without it the original file is sent'),
    bitrate: z.coerce
      .number()
      .int()
      .min(96)
      .max(320)
      .optional()
      .describe(`Target bitrate in kb/s (default ${DEFAULT_TRANSCODE_KBPS}; Opus is capped at 256)`),
  })
  .refine((query) => query.bitrate === undefined || query.format !== undefined, {
    message: 'bitrate needs a format',
    path: ['bitrate'],
  });

export const coverParamsSchema = z.object({ id: z.string().max(128) });

export const coverQuerySchema = z.object({
  size: z.coerce
    .number()
    .int()
    .min(32)
    .max(1200)
    .optional()
    .describe(
      'Edge in pixels of a square thumbnail, rounded up to 64, 128, 256, 512 or 1024; none for the original',
    ),
});

/** File bodies are streamed bytes, not JSON; the schema only documents them. */
export const fileBodySchema = z.any().describe('The file bytes (or the requested byte range)');
