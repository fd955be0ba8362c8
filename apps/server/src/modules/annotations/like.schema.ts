import { z } from 'zod';
import { uuidPattern } from '../library/browse/cursor.ts';

export const MAX_LIKES_PAGE = 200;
export const MAX_LOOKUP = 500;

export const trackParamsSchema = z.object({ id: z.string() });

export const likesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIKES_PAGE).default(50),
  cursor: z.string().min(1).max(4096).optional().describe('nextCursor of the previous page'),
});

export const likeStateSchema = z
  .object({ data: z.object({ trackId: z.string(), liked: z.boolean() }) })
  .meta({ id: 'LikeState' });

export const likeLookupBodySchema = z.object({
  trackIds: z.array(z.string().regex(uuidPattern, 'must be a UUID')).max(MAX_LOOKUP),
});

export const likeLookupResponseSchema = z
  .object({ liked: z.array(z.string()).describe('the asked-for tracks the caller likes') })
  .meta({ id: 'LikeLookup' });
