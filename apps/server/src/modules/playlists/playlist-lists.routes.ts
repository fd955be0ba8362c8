import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import type { PlaylistListingService } from './playlist-listing.service.ts';
import type { PlaylistSubscriptionService } from './playlist-subscription.service.ts';
import { presentPlaylist, presentSubscriber, presentedTags } from './playlist.presenter.ts';
import {
  myPlaylistsResponseSchema,
  playlistPageSchema,
  playlistParamsSchema,
  squareQuerySchema,
  subscriberPageSchema,
  subscribersQuerySchema,
  subscriptionResponseSchema,
  tagsResponseSchema,
  userParamsSchema,
  userPlaylistPageSchema,
  userPlaylistsQuerySchema,
} from './playlist.schema.ts';

export interface PlaylistListRoutesDeps {
  listings: PlaylistListingService;
  subscriptions: PlaylistSubscriptionService;
}

const tags = ['playlists'];
const subscriptionLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** Playlists in lists: the tag set, the square, users' lists, the caller's own; subscribing. */
export function playlistListRoutes(deps: PlaylistListRoutesDeps): FastifyPluginAsyncZod {
  const { listings, subscriptions } = deps;
  return async (app) => {
    app.get(
      '/api/v1/playlists/tags',
      {
        schema: {
          tags,
          summary: 'The fixed playlist tags by category (language, style, scene, mood, theme)',
          response: { 200: tagsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return presentedTags;
      },
    );

    app.get(
      '/api/v1/playlists',
      {
        schema: {
          tags,
          summary: 'The playlist square: public playlists by tag, hot, new or quality first',
          querystring: squareQuerySchema,
          response: { 200: playlistPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { playlists, nextCursor } = await listings.square(user.id, request.query);
        return { data: playlists.map((p) => presentPlaylist(p, user.id)), nextCursor };
      },
    );

    app.get(
      '/api/v1/users/:id/playlists',
      {
        schema: {
          tags,
          summary: "A user's created or subscribed playlists, as far as the caller may see them",
          params: userParamsSchema,
          querystring: userPlaylistsQuerySchema,
          response: { 200: userPlaylistPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { playlists, nextCursor, total } = await listings.ofUser(
          user.id,
          request.params.id,
          request.query,
        );
        return { data: playlists.map((p) => presentPlaylist(p, user.id)), nextCursor, total };
      },
    );

    app.get(
      '/api/v1/me/playlists',
      {
        schema: {
          tags,
          summary: 'My playlists (private ones too) and the ones I subscribed to, newest first',
          response: { 200: myPlaylistsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { created, subscribed } = await listings.mine(user.id);
        return {
          data: {
            created: created.map((p) => presentPlaylist(p, user.id)),
            subscribed: subscribed.map((p) => presentPlaylist(p, user.id)),
          },
        };
      },
    );

    app.post(
      '/api/v1/playlists/:id/subscription',
      {
        config: subscriptionLimit,
        schema: {
          tags,
          summary: "Subscribe to (collect) someone else's public playlist; repeating is harmless",
          params: playlistParamsSchema,
          response: { 200: subscriptionResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: await subscriptions.subscribe(user.id, request.params.id) };
      },
    );

    app.delete(
      '/api/v1/playlists/:id/subscription',
      {
        config: subscriptionLimit,
        schema: {
          tags,
          summary: 'Unsubscribe; repeating is harmless',
          params: playlistParamsSchema,
          response: { 200: subscriptionResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: await subscriptions.unsubscribe(user.id, request.params.id) };
      },
    );

    app.get(
      '/api/v1/playlists/:id/subscribers',
      {
        schema: {
          tags,
          summary: 'Who subscribed to a playlist, most recent first',
          params: playlistParamsSchema,
          querystring: subscribersQuerySchema,
          response: { 200: subscriberPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const page = await subscriptions.subscribers(user.id, request.params.id, request.query);
        return { data: page.subscribers.map(presentSubscriber), nextCursor: page.nextCursor };
      },
    );
  };
}
