import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { RequestAuth, SessionResolver } from '../../http/auth-context.ts';
import type { SessionRepository } from './session.repository.ts';

const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** how stale last_seen_at may get before a request refreshes it (saves a write per request) */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Server-side sessions: the cookie holds a random token, the database only its SHA-256, so a
 * leaked database does not hand out live sessions.
 */
export class SessionService implements SessionResolver {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async issue(userId: string, meta: { userAgent?: string; ip?: string }): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_DAYS * DAY_MS);
    const sessionId = await this.sessions.create({
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    });
    return { token, csrfToken, sessionId, expiresAt };
  }

  async resolve(token: string): Promise<Omit<RequestAuth, 'via'> | null> {
    const now = this.clock.now();
    const found = await this.sessions.findByTokenHash(hashToken(token), now);
    if (!found) return null;
    if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await this.sessions.touch(found.sessionId, now, new Date(now.getTime() + SESSION_DAYS * DAY_MS));
    }
    return { user: found.user, sessionId: found.sessionId, csrfToken: found.csrfToken };
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  async endAll(userId: string, exceptSessionId?: string): Promise<number> {
    return this.sessions.deleteAllForUser(userId, exceptSessionId);
  }
}
