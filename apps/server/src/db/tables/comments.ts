import type { ColumnType, Generated } from 'kysely';

/** Tables of the comments, notifications and moderation modules (see their migration). */

/** timestamptz(3): millisecond precision, so a JS Date round-trips exactly through a cursor */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type CommentTargetType = 'track' | 'album' | 'playlist' | 'lyric';
export type CommentStatus = 'visible' | 'deleted' | 'removed';
export type ReportReason = 'spam' | 'abuse' | 'harassment' | 'self_harm' | 'other';
export type ReportStatus = 'open' | 'resolved';
export type ReportResolution = 'dismissed' | 'removed';
export type ModerationAction = 'remove_comment' | 'dismiss_report';
export type NotificationKind = 'reply' | 'mention' | 'like' | 'hug';

export interface CommentsTable {
  id: Generated<string>;
  targetType: CommentTargetType;
  /** a track, album or playlist id; for 'lyric' the track id */
  targetId: string;
  /** the line of the track's original lyrics, for 'lyric' comments (and their replies) */
  lineIndex: number | null;
  quotedLine: string | null;
  authorId: string;
  /** the top-level comment of the thread; null for a top-level comment */
  parentId: string | null;
  /** the reply this one quotes, when it answers a reply rather than the thread's top */
  replyToId: string | null;
  body: string;
  mentions: Generated<string[]>;
  likeCount: Generated<number>;
  replyCount: Generated<number>;
  hugCount: Generated<number>;
  hotScore: Generated<number>;
  status: Generated<CommentStatus>;
  idempotencyKey: string | null;
  createdAt: CreatedAt;
  statusChangedAt: Date | null;
}

export interface CommentLikesTable {
  commentId: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface CommentHugsTable {
  commentId: string;
  userId: string;
  createdAt: CreatedAt;
}

export interface CommentTotalsTable {
  targetType: CommentTargetType;
  targetId: string;
  total: number;
}

export interface CommentReportsTable {
  id: Generated<string>;
  commentId: string;
  reporterId: string;
  reason: ReportReason;
  detail: string | null;
  status: Generated<ReportStatus>;
  resolution: ReportResolution | null;
  createdAt: CreatedAt;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

export interface ModerationAuditTable {
  id: Generated<string>;
  actorId: string | null;
  action: ModerationAction;
  commentId: string | null;
  reportId: string | null;
  reason: string;
  createdAt: CreatedAt;
}

export interface NotificationsTable {
  id: Generated<string>;
  userId: string;
  kind: NotificationKind;
  /** for reply and mention the new comment; for like and hug the recipient's comment */
  commentId: string;
  /** copied from the comment so a notification about a now-private playlist can be filtered */
  targetType: CommentTargetType;
  targetId: string;
  /** the latest actors, newest first (at most two: "A, B and 12 others") */
  actorIds: string[];
  actorCount: Generated<number>;
  /** set on groupable kinds (likes): one unread row per group accumulates actors */
  groupKey: string | null;
  readAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface CommentTables {
  comments: CommentsTable;
  commentLikes: CommentLikesTable;
  commentHugs: CommentHugsTable;
  commentTotals: CommentTotalsTable;
  commentReports: CommentReportsTable;
  moderationAudit: ModerationAuditTable;
  notifications: NotificationsTable;
}
