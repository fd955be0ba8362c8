import { randomUUID } from 'node:crypto';
import type { AuthUser, SessionResolver } from '../../src/http/auth-context.ts';

/**
 * A session resolver for route tests that do not need real accounts: one bearer token maps to
 * one user. Send `headers` with `app.inject`.
 */
export function fixedSessions(token: string, user: Partial<AuthUser> = {}) {
  const sessionUser: AuthUser = {
    id: randomUUID(),
    username: 'listener',
    nickname: 'Listener',
    role: 'listener',
    ...user,
  };
  const sessions: SessionResolver = {
    resolve: async (presented) =>
      presented === token ? { user: sessionUser, sessionId: randomUUID(), csrfToken: 'csrf' } : null,
  };
  return { sessions, user: sessionUser, headers: { authorization: `Bearer ${token}` } };
}
