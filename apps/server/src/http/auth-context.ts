import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import { AppError, forbidden, unauthorized } from './errors.ts';

export interface AuthUser {
  id: string;
  username: string;
  nickname: string;
  role: Role;
}

export interface RequestAuth {
  user: AuthUser;
  sessionId: string;
  csrfToken: string;
  /** cookie auth needs CSRF protection; a bearer token cannot be sent by another site */
  via: 'cookie' | 'bearer';
}

export interface SessionResolver {
  resolve(token: string): Promise<Omit<RequestAuth, 'via'> | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** set false on routes that start a session (login, register) */
    csrf?: boolean;
  }
}

export const SESSION_COOKIE = 'resonance_session';
export const CSRF_COOKIE = 'resonance_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function tokenFrom(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** Resolves the session on every request and enforces CSRF for cookie-authenticated writes. */
export function installAuth(app: FastifyInstance, sessions: SessionResolver): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const found = tokenFrom(request);
    if (!found || found.token.length > 200) return;
    const session = await sessions.resolve(found.token);
    if (session) request.auth = { ...session, via: found.via };
  });
  app.addHook('preHandler', async (request) => {
    const auth = request.auth;
    if (!auth || auth.via !== 'cookie' || !unsafeMethods.has(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    if (request.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new AppError(403, 'csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
    }
  });
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.auth) throw unauthorized();
  return request.auth.user;
}

const rank: Record<Role, number> = { listener: 0, musician: 1, moderator: 2, admin: 3 };

/** Roles are ordered for staff powers: an admin may do what a moderator may. */
export function requireRole(request: FastifyRequest, role: 'moderator' | 'admin'): AuthUser {
  const user = requireUser(request);
  if (rank[user.role] < rank[role]) throw forbidden(`Only a ${role} may do this`);
  return user;
}
