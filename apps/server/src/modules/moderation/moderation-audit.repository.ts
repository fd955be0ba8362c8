import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TimePosition } from '../comments/keyset-cursor.ts';
import type { ModerationAction } from '../../db/tables/comments.ts';
import type { PersonRef } from './comment-report.repository.ts';

export interface AuditEntry {
  actorId: string;
  action: ModerationAction;
  commentId: string | null;
  reportId: string | null;
  reason: string;
}

export interface AuditRow {
  id: string;
  action: ModerationAction;
  actor: PersonRef | null;
  commentId: string | null;
  reportId: string | null;
  reason: string;
  createdAt: Date;
}

/** The append-only record of what staff did and why. */
export class ModerationAuditRepository {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry, now: Date): Promise<void> {
    await this.db
      .insertInto('moderationAudit')
      .values({ ...entry, createdAt: now })
      .execute();
  }

  async page(after: TimePosition | null, limit: number): Promise<AuditRow[]> {
    let query = this.db
      .selectFrom('moderationAudit as a')
      .leftJoin('users as u', 'u.id', 'a.actorId')
      .select([
        'a.id',
        'a.action',
        'a.commentId',
        'a.reportId',
        'a.reason',
        'a.createdAt',
        'u.id as actorId',
        'u.username',
        'u.nickname',
      ]);
    if (after) {
      query = query.where(
        sql<boolean>`(a.created_at, a.id) < (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await query.orderBy('a.createdAt', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
    return rows.map(({ actorId, username, nickname, ...entry }) => ({
      ...entry,
      actor: actorId && username && nickname ? { id: actorId, username, nickname } : null,
    }));
  }
}
