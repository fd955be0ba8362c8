import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { AppError } from '../../http/errors.ts';
import type { NotificationService, RealtimeMessage } from './notification.service.ts';
import type { RealtimeHub } from './realtime-hub.ts';

export interface RealtimeRoutesDeps {
  hub: RealtimeHub;
  notifications: Pick<NotificationService, 'unreadCount'>;
}

/**
 * A browser sends the session cookie with a WebSocket upgrade from any site, and CORS does
 * not apply to WebSockets, so a page elsewhere could open one as the user (cross-site
 * WebSocket hijacking). Browsers always send Origin on an upgrade: it must name this host.
 * Clients that are not browsers send none and authenticate with a bearer token. Behind a
 * reverse proxy, pass the original Host through (or X-Forwarded-Host with trustProxy on).
 */
export function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (!host || host.toLowerCase() !== request.host.toLowerCase()) {
    throw new AppError(403, 'cross_origin_refused', 'WebSocket connections are only accepted from this site');
  }
}

/**
 * `GET /api/v1/ws`: the real-time channel. The upgrade runs through the app's hooks like any
 * request, so the session (cookie or bearer token) is resolved before the handshake; without
 * one, or from another site, the upgrade is answered 401 / 403 and never becomes a socket.
 * Messages are JSON `RealtimeMessage`s, server to client only.
 */
export function realtimeRoutes({ hub, notifications }: RealtimeRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Registered in this plugin only: the upgrade handling stays out of every other module.
    await app.register(websocket, { options: { maxPayload: 1024 } });
    app.get(
      '/api/v1/ws',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (request) => {
          requireUser(request);
          assertSameOrigin(request);
        },
      },
      async (socket, request) => {
        const user = requireUser(request);
        hub.add(user.id, socket);
        const ready: RealtimeMessage = { type: 'ready', unread: await notifications.unreadCount(user.id) };
        socket.send(JSON.stringify(ready));
      },
    );
  };
}
