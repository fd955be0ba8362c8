import { z } from 'zod';
import { MAX_CURSOR_CHARS } from '../comments/keyset-cursor.ts';
import { NOTIFICATION_LIMITS } from './notification.service.ts';

const actorSchema = z.object({
  id: z.string(),
  username: z.string(),
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
});

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z
      .enum(['reply', 'mention', 'like', 'hug'])
      .describe('`reply`/`mention`: `comment` is the new comment; `like`/`hug`: it is yours'),
    read: z.boolean(),
    /** the latest actors, newest first (at most two): "A, B and {actorCount - 2} others liked…" */
    actors: z.array(actorSchema),
    actorCount: z.number().int(),
    comment: z.object({
      id: z.string(),
      targetType: z.enum(['track', 'album', 'playlist', 'lyric']),
      targetId: z.string(),
      lineIndex: z.number().int().nullable(),
      /** the thread's top-level comment, to open the thread; null when this is one */
      parentId: z.string().nullable(),
      /** plain text; null once deleted or removed */
      excerpt: z.string().nullable(),
      deleted: z.boolean(),
    }),
    createdAt: z.string(),
    /** when the latest actor joined a grouped notification */
    updatedAt: z.string(),
  })
  .meta({ id: 'Notification' });

export const notificationsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_LIMITS.maxPage).optional(),
  cursor: z.string().max(MAX_CURSOR_CHARS).optional(),
});

export const notificationPageSchema = z
  .object({
    data: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unread: z.number().int(),
  })
  .meta({ id: 'NotificationPage' });

export const markReadBodySchema = z
  .union([
    z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ])
  .describe('`{ ids: [...] }` marks those read, `{ all: true }` marks everything read');

export const markReadResponseSchema = z.object({ unread: z.number().int() });
