import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';

export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: { id: string; username: string; nickname: string; role: Role };
}

export class SessionRepository {
  constructor(private readonly db: Db) {}

  async create(input: {
    tokenHash: Buffer;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }): Promise<string> {
    const row = await this.db.insertInto('sessions').values(input).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async findByTokenHash(tokenHash: Buffer, now: Date): Promise<SessionWithUser | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .select([
        'sessions.id as sessionId',
        'sessions.csrfToken',
        'sessions.expiresAt',
        'sessions.lastSeenAt',
        'users.id as userId',
        'users.username',
        'users.nickname',
        'users.role',
      ])
      .where('sessions.tokenHash', '=', tokenHash)
      .where('sessions.expiresAt', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
      expiresAt: row.expiresAt,
      lastSeenAt: row.lastSeenAt,
      user: { id: row.userId, username: row.username, nickname: row.nickname, role: row.role },
    };
  }

  async touch(sessionId: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ lastSeenAt: now, expiresAt })
      .where('id', '=', sessionId)
      .execute();
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** Ends every session of a user, optionally keeping one (the one changing the password). */
  async deleteAllForUser(userId: string, exceptSessionId?: string): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('userId', '=', userId);
    if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
