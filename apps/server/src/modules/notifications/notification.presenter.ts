import type { z } from 'zod';
import { avatarUrl } from '../accounts/account.presenter.ts';
import { excerpt } from '../comments/comment-body.ts';
import type { notificationSchema } from './notification.schema.ts';
import type { NotificationView } from './notification.service.ts';

export type PresentedNotification = z.infer<typeof notificationSchema>;

/** Data, not sentences: clients word "A, B and 12 others liked your comment" in the reader's language. */
export function presentNotification({ row, actors }: NotificationView): PresentedNotification {
  const visible = row.comment.status === 'visible';
  return {
    id: row.id,
    kind: row.kind,
    read: row.readAt !== null,
    actors: actors.map((a) => ({
      id: a.id,
      username: a.username,
      nickname: a.nickname,
      avatarUrl: avatarUrl(a.avatarId),
    })),
    actorCount: row.actorCount,
    comment: {
      id: row.comment.id,
      targetType: row.targetType,
      targetId: row.targetId,
      lineIndex: row.comment.lineIndex,
      parentId: row.comment.parentId,
      excerpt: visible ? excerpt(row.comment.body) : null,
      deleted: !visible,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
