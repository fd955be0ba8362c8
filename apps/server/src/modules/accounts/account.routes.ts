import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_COOKIE, SESSION_COOKIE, requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { presentMe, presentPublicUser } from './account.presenter.ts';
import {
  changePasswordBodySchema,
  loginBodySchema,
  logoutAllResponseSchema,
  meResponseSchema,
  okSchema,
  publicUserResponseSchema,
  registerBodySchema,
  sessionResponseSchema,
  updateProfileBodySchema,
  userIdParamsSchema,
} from './account.schema.ts';
import type { AccountService } from './account.service.ts';
import type { AvatarStore } from './avatar-store.ts';
import type { IssuedSession } from './session.service.ts';
import type { UserRow } from './user.repository.ts';

export interface AccountRoutesDeps {
  accounts: AccountService;
  avatars: AvatarStore;
  secureCookies: boolean;
}

const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

export function accountRoutes(deps: AccountRoutesDeps): FastifyPluginAsyncZod {
  const { accounts, avatars } = deps;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.secureCookies };

  function startSession(
    reply: FastifyReply,
    user: UserRow,
    session: IssuedSession,
    bearer: boolean | undefined,
  ) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      ...cookieBase,
      httpOnly: true,
      expires: session.expiresAt,
    });
    // Readable by the web app so it can echo it in the x-csrf-token header (double submit).
    reply.setCookie(CSRF_COOKIE, session.csrfToken, {
      ...cookieBase,
      httpOnly: false,
      expires: session.expiresAt,
    });
    return {
      user: presentMe(user),
      csrfToken: session.csrfToken,
      ...(bearer ? { token: session.token } : {}),
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  function endSession(reply: FastifyReply) {
    reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
  }

  const meta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

  return async (app) => {
    app.post(
      '/api/v1/auth/register',
      {
        config: { csrf: false, rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags: ['auth'],
          summary: 'Create an account and log in (the first account becomes admin)',
          body: registerBodySchema,
          response: { 201: sessionResponseSchema, 409: errorResponses[400], ...errorResponses },
        },
      },
      async (request, reply) => {
        const { bearer, ...input } = request.body;
        const { user, session } = await accounts.register(input, meta(request));
        return reply.status(201).send(startSession(reply, user, session, bearer));
      },
    );

    app.post(
      '/api/v1/auth/login',
      {
        config: { csrf: false },
        schema: {
          tags: ['auth'],
          summary: 'Log in; rotates the session',
          body: loginBodySchema,
          response: { 200: sessionResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { username, password, bearer } = request.body;
        // An old session presented with this login is ended: login always rotates.
        if (request.auth) await accounts.logout(request.auth.sessionId);
        const { user, session } = await accounts.login(username, password, meta(request));
        return startSession(reply, user, session, bearer);
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End this session',
          response: { 200: okSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        if (request.auth) await accounts.logout(request.auth.sessionId);
        endSession(reply);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/auth/logout-all',
      {
        schema: {
          tags: ['auth'],
          summary: 'End every session of this account, on every device',
          response: { 200: logoutAllResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const endedSessions = await accounts.logoutEverywhere(user.id);
        endSession(reply);
        return { ok: true as const, endedSessions };
      },
    );

    app.post(
      '/api/v1/auth/password',
      {
        config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
        schema: {
          tags: ['auth'],
          summary: 'Change the password; every other session is ended',
          body: changePasswordBodySchema,
          response: { 200: okSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { currentPassword, newPassword } = request.body;
        await accounts.changePassword(user.id, request.auth!.sessionId, currentPassword, newPassword);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/me',
      {
        schema: {
          tags: ['me'],
          summary: 'The logged-in user',
          response: { 200: meResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentMe(await accounts.getProfile(user.id)), csrfToken: request.auth!.csrfToken };
      },
    );

    app.get(
      '/api/v1/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: "A user's public profile",
          params: userIdParamsSchema,
          response: { 200: publicUserResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentPublicUser(await accounts.getPublicProfile(request.params.id)) };
      },
    );

    app.patch(
      '/api/v1/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Edit the profile',
          body: updateProfileBodySchema,
          response: { 200: meResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const updated = await accounts.updateProfile(user.id, request.body);
        return { data: presentMe(updated), csrfToken: request.auth!.csrfToken };
      },
    );

    app.put(
      '/api/v1/me/avatar',
      {
        bodyLimit: MAX_AVATAR_BYTES + 64 * 1024,
        schema: {
          tags: ['me'],
          summary: 'Upload an avatar (multipart field "file"); re-encoded, metadata stripped',
          consumes: ['multipart/form-data'],
          response: {
            200: meResponseSchema,
            413: errorResponses[400],
            415: errorResponses[400],
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        if (!request.isMultipart())
          throw badRequest('multipart_required', 'Send the image as multipart/form-data');
        const file = await request.file({ limits: { fileSize: MAX_AVATAR_BYTES, files: 1 } });
        if (!file) throw badRequest('file_missing', 'No file in the upload');
        const upload = await file.toBuffer();
        const updated = await accounts.setAvatar(user.id, upload);
        return { data: presentMe(updated), csrfToken: request.auth!.csrfToken };
      },
    );

    app.delete(
      '/api/v1/me/avatar',
      {
        schema: {
          tags: ['me'],
          summary: 'Remove the avatar',
          response: { 200: meResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const updated = await accounts.removeAvatar(user.id);
        return { data: presentMe(updated), csrfToken: request.auth!.csrfToken };
      },
    );

    app.get(
      '/api/v1/avatars/:id',
      {
        schema: {
          tags: ['me'],
          summary: 'An avatar image (WebP)',
          params: z.object({ id: z.string().max(64) }),
          response: { 200: z.any(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const file = avatars.pathOf(request.params.id);
        const info = file ? await stat(file).catch(() => null) : null;
        if (!file || !info) throw notFound('avatar_not_found', 'No such avatar');
        // Content-addressed: the bytes behind an id never change.
        return reply
          .type('image/webp')
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('content-length', info.size)
          .send(createReadStream(file));
      },
    );
  };
}
