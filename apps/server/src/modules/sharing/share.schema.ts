import { z } from 'zod';

export const SHARE_CHANNELS = ['link', 'system'] as const;

/** Any string: a malformed id is answered 404 by the service, like an unknown one. */
export const trackParamsSchema = z.object({ id: z.string() });

export const shareBodySchema = z.object({
  channel: z
    .enum(SHARE_CHANNELS)
    .describe("'link': the link was copied; 'system': the device's share sheet was opened"),
});

export const shareResultSchema = z
  .object({
    data: z.object({
      trackId: z.string(),
      shareCount: z.number().int().describe("the track's shares by everyone, this one included"),
      url: z.string().describe('the path of the song page to share, relative to the site'),
    }),
  })
  .meta({ id: 'ShareResult' });

export const shareCountSchema = z
  .object({ data: z.object({ trackId: z.string(), shareCount: z.number().int() }) })
  .meta({ id: 'ShareCount' });
