import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { presentNotification } from './notification.presenter.ts';
import {
  markReadBodySchema,
  markReadResponseSchema,
  notificationPageSchema,
  notificationsQuerySchema,
} from './notification.schema.ts';
import type { NotificationService } from './notification.service.ts';

export interface NotificationRoutesDeps {
  notifications: NotificationService;
}

const tags = ['notifications'];

export function notificationRoutes({ notifications }: NotificationRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          summary: 'Your notifications, most recent first, with the unread count',
          querystring: notificationsQuerySchema,
          response: { 200: notificationPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const page = await notifications.list(requireUser(request).id, request.query);
        return {
          data: page.items.map(presentNotification),
          nextCursor: page.nextCursor,
          unread: page.unread,
        };
      },
    );

    app.post(
      '/api/v1/notifications/read',
      {
        schema: {
          tags,
          summary: 'Mark notifications read (some, or all); answers the unread count left',
          body: markReadBodySchema,
          response: { 200: markReadResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const ids = 'ids' in request.body ? request.body.ids : undefined;
        return { unread: await notifications.markRead(user.id, ids) };
      },
    );
  };
}
