import type { CommentTargetType, NotificationKind } from '../../db/tables/comments.ts';

/**
 * What another module tells the notifications module: `actorId` did `kind` to (or with)
 * `comment`, and `recipientId` should hear about it. The notifications module decides whether
 * they do (never about themselves, never about what they cannot see).
 */
export interface NotificationEvent {
  kind: NotificationKind;
  recipientId: string;
  actorId: string;
  comment: { id: string; targetType: CommentTargetType; targetId: string };
}

export interface Notifier {
  notify(event: NotificationEvent): Promise<void>;
}
