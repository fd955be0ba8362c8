import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TimePosition } from '../comments/keyset-cursor.ts';
import type {
  CommentStatus,
  CommentTargetType,
  ReportReason,
  ReportResolution,
  ReportStatus,
} from '../../db/tables/comments.ts';

export interface PersonRef {
  id: string;
  username: string;
  nickname: string;
}

export interface ReportRow {
  id: string;
  reason: ReportReason;
  detail: string | null;
  status: ReportStatus;
  resolution: ReportResolution | null;
  createdAt: Date;
  resolvedAt: Date | null;
  reporter: PersonRef;
  resolvedBy: PersonRef | null;
  comment: {
    id: string;
    targetType: CommentTargetType;
    targetId: string;
    lineIndex: number | null;
    body: string;
    status: CommentStatus;
    createdAt: Date;
    author: PersonRef;
  };
}

export interface NewReport {
  commentId: string;
  reporterId: string;
  reason: ReportReason;
  detail: string | null;
}

/** Reports on comments: one open report per reporter and comment, and the moderators' queue. */
export class CommentReportRepository {
  constructor(private readonly db: Db) {}

  /** Opens a report, or finds the reporter's open one on that comment (`created: false`). */
  async open(report: NewReport, now: Date): Promise<{ id: string; created: boolean }> {
    const inserted = await this.db
      .insertInto('commentReports')
      .values({ ...report, createdAt: now })
      .onConflict((oc) => oc.columns(['commentId', 'reporterId']).where('status', '=', 'open').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await this.db
      .selectFrom('commentReports')
      .select('id')
      .where('commentId', '=', report.commentId)
      .where('reporterId', '=', report.reporterId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  async findById(id: string): Promise<ReportRow | undefined> {
    const row = await this.selectReports().where('r.id', '=', id).executeTakeFirst();
    return row && toReport(row);
  }

  /** The queue: newest first. */
  async page(status: ReportStatus, after: TimePosition | null, limit: number): Promise<ReportRow[]> {
    let query = this.selectReports().where('r.status', '=', status);
    if (after) {
      query = query.where(
        sql<boolean>`(r.created_at, r.id) < (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query.orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
    return rows.map(toReport);
  }

  /** Resolves every open report on a comment: one decision answers all of them. */
  async resolveAllFor(
    commentId: string,
    resolution: ReportResolution,
    by: string,
    now: Date,
  ): Promise<number> {
    const result = await this.db
      .updateTable('commentReports')
      .set({ status: 'resolved', resolution, resolvedBy: by, resolvedAt: now })
      .where('commentId', '=', commentId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private selectReports() {
    return this.db
      .selectFrom('commentReports as r')
      .innerJoin('comments as c', 'c.id', 'r.commentId')
      .innerJoin('users as reporter', 'reporter.id', 'r.reporterId')
      .innerJoin('users as author', 'author.id', 'c.authorId')
      .leftJoin('users as resolver', 'resolver.id', 'r.resolvedBy')
      .select([
        'r.id',
        'r.reason',
        'r.detail',
        'r.status',
        'r.resolution',
        'r.createdAt',
        'r.resolvedAt',
        'reporter.id as reporterId',
        'reporter.username as reporterUsername',
        'reporter.nickname as reporterNickname',
        'resolver.id as resolverId',
        'resolver.username as resolverUsername',
        'resolver.nickname as resolverNickname',
        'c.id as commentId',
        'c.targetType',
        'c.targetId',
        'c.lineIndex',
        'c.body',
        'c.status as commentStatus',
        'c.createdAt as commentCreatedAt',
        'author.id as authorId',
        'author.username as authorUsername',
        'author.nickname as authorNickname',
      ]);
  }
}

type SelectedReport = Awaited<
  ReturnType<ReturnType<CommentReportRepository['selectReports']>['execute']>
>[number];

function toReport(r: SelectedReport): ReportRow {
  return {
    id: r.id,
    reason: r.reason,
    detail: r.detail,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    reporter: { id: r.reporterId, username: r.reporterUsername, nickname: r.reporterNickname },
    resolvedBy:
      r.resolverId && r.resolverUsername && r.resolverNickname
        ? { id: r.resolverId, username: r.resolverUsername, nickname: r.resolverNickname }
        : null,
    comment: {
      id: r.commentId,
      targetType: r.targetType,
      targetId: r.targetId,
      lineIndex: r.lineIndex,
      body: r.body,
      status: r.commentStatus,
      createdAt: r.commentCreatedAt,
      author: { id: r.authorId, username: r.authorUsername, nickname: r.authorNickname },
    },
  };
}
