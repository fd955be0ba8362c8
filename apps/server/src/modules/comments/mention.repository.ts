import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface MentionedUser {
  id: string;
  username: string;
}

/** Users named by @handles, and the handles of mentioned ids for display. */
export class MentionRepository {
  constructor(private readonly db: Db) {}

  /** The users whose usernames are `handles` (lower case; usernames are unique ignoring case). */
  async findByHandles(handles: readonly string[]): Promise<MentionedUser[]> {
    if (handles.length === 0) return [];
    return this.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where(sql<string>`lower(username)`, 'in', handles)
      .execute();
  }

  async findByIds(ids: readonly string[]): Promise<MentionedUser[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute();
  }
}
