import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Locale, Role } from '../../db/schema.ts';

export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  nickname: string;
  role: Role;
  bio: string;
  locale: Locale;
  timeZone: string;
  avatarId: string | null;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  nickname: string;
  role?: Role;
  locale?: Locale;
  timeZone?: string;
}

export interface ProfileChanges {
  nickname?: string;
  bio?: string;
  locale?: Locale;
  timeZone?: string;
  avatarId?: string | null;
}

const userColumns = [
  'id',
  'username',
  'passwordHash',
  'nickname',
  'role',
  'bio',
  'locale',
  'timeZone',
  'avatarId',
  'createdAt',
] as const;

export class UserRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  }

  findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .select(userColumns)
      .where(sql<string>`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
  }

  /**
   * Creates a user; while no admin exists (a fresh install, perhaps with only demo users) the
   * new user becomes admin. The table lock makes "first" exact when two people register at the
   * same moment.
   */
  async create(user: NewUser, firstUserRole: Role = 'admin'): Promise<UserRow | 'taken'> {
    return this.db.transaction().execute(async (tx) => {
      await sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
      const existing = await tx
        .selectFrom('users')
        .select('id')
        .where(sql<string>`lower(username)`, '=', user.username.toLowerCase())
        .executeTakeFirst();
      if (existing) return 'taken';
      const admin = await tx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .limit(1)
        .executeTakeFirst();
      return tx
        .insertInto('users')
        .values({ ...user, role: user.role ?? (admin ? 'listener' : firstUserRole) })
        .returning(userColumns)
        .executeTakeFirstOrThrow();
    });
  }

  async updateProfile(id: string, changes: ProfileChanges): Promise<UserRow | undefined> {
    return this.db
      .updateTable('users')
      .set({ ...changes, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(userColumns)
      .executeTakeFirst();
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ passwordHash, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async setRole(id: string, role: Role): Promise<void> {
    await this.db.updateTable('users').set({ role, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
