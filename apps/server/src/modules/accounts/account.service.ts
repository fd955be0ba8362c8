import type { Locale, Role } from '../../db/schema.ts';
import {
  AppError,
  badRequest,
  conflict,
  notFound,
  tooManyRequests,
  unauthorized,
} from '../../http/errors.ts';
import type { AvatarStore } from './avatar-store.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher.ts';
import type { IssuedSession, SessionService } from './session.service.ts';
import type { ProfileChanges, UserRepository, UserRow } from './user.repository.ts';
import { uuidPattern } from '../library/browse/cursor.ts';

export interface RegisterInput {
  username: string;
  password: string;
  nickname: string;
  locale?: Locale;
  timeZone?: string;
}

export interface ProfileInput {
  nickname?: string;
  bio?: string;
  locale?: Locale;
  timeZone?: string;
}

export interface ClientMeta {
  ip: string;
  userAgent?: string;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class AccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly avatars: AvatarStore,
    /** told about new and edited users, so the user search stays current */
    private readonly onUserChanged: (userId: string) => Promise<void> = async () => undefined,
  ) {}

  async register(input: RegisterInput, meta: ClientMeta): Promise<{ user: UserRow; session: IssuedSession }> {
    const user = await this.createUser(input);
    const session = await this.sessions.issue(user.id, meta);
    return { user, session };
  }

  /** Used by registration and by `resonance user create`; the first user becomes admin. */
  async createUser(input: RegisterInput & { role?: Role }): Promise<UserRow> {
    if (input.timeZone && !isValidTimeZone(input.timeZone)) {
      throw badRequest('invalid_time_zone', `Unknown time zone "${input.timeZone}"`);
    }
    const created = await this.users.create({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      nickname: input.nickname,
      role: input.role,
      locale: input.locale,
      timeZone: input.timeZone,
    });
    if (created === 'taken') throw conflict('username_taken', `The username "${input.username}" is taken`);
    await this.onUserChanged(created.id);
    return created;
  }

  async login(
    username: string,
    password: string,
    meta: ClientMeta,
  ): Promise<{ user: UserRow; session: IssuedSession }> {
    const wait = await this.throttle.retryAfter(username, meta.ip);
    if (wait > 0) throw tooManyRequests(wait, 'Too many failed logins; try again later');
    const user = await this.users.findByUsername(username);
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyAgainstDummy(password), false);
    if (!user || !ok) {
      await this.throttle.recordFailure(username, meta.ip);
      throw new AppError(401, 'invalid_credentials', 'Wrong username or password');
    }
    await this.throttle.recordSuccess(username);
    // A fresh session at every login: a token planted before login is never promoted.
    const session = await this.sessions.issue(user.id, meta);
    return { user, session };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.end(sessionId);
  }

  async logoutEverywhere(userId: string): Promise<number> {
    return this.sessions.endAll(userId);
  }

  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    const user = await this.requireUser(userId);
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppError(401, 'invalid_credentials', 'The current password is wrong');
    }
    await this.users.setPasswordHash(userId, await hashPassword(next));
    // Everyone else holding a session for this account is signed out.
    await this.sessions.endAll(userId, sessionId);
  }

  async getProfile(userId: string): Promise<UserRow> {
    return this.requireUser(userId);
  }

  /** Another user's profile page; an id that is not a UUID names nobody (404, not 500). */
  async getPublicProfile(userId: string): Promise<UserRow> {
    if (!uuidPattern.test(userId)) throw notFound('user_not_found', 'No such user');
    return this.requireUser(userId);
  }

  async updateProfile(userId: string, input: ProfileInput): Promise<UserRow> {
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
      throw badRequest('invalid_time_zone', `Unknown time zone "${input.timeZone}"`);
    }
    const changes: ProfileChanges = { ...input };
    const updated = await this.users.updateProfile(userId, changes);
    if (!updated) throw unauthorized();
    await this.onUserChanged(userId);
    return updated;
  }

  async setAvatar(userId: string, upload: Buffer): Promise<UserRow> {
    const avatarId = await this.avatars.save(upload);
    const updated = await this.users.updateProfile(userId, { avatarId });
    if (!updated) throw unauthorized();
    return updated;
  }

  async removeAvatar(userId: string): Promise<UserRow> {
    const updated = await this.users.updateProfile(userId, { avatarId: null });
    if (!updated) throw unauthorized();
    return updated;
  }

  private async requireUser(userId: string): Promise<UserRow> {
    const user = await this.users.findById(userId);
    if (!user) throw notFound('user_not_found', 'No such user');
    return user;
  }
}
