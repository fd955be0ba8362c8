import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { badRequest } from '../../http/errors.ts';
import { MAX_COVER_UPLOAD_BYTES } from './playlist-cover-image.ts';
import type { PlaylistCoverService } from './playlist-cover.service.ts';
import type { PlaylistTrackService } from './playlist-track.service.ts';
import { presentPlaylist, presentPlaylistDetail } from './playlist.presenter.ts';
import {
  addTracksBodySchema,
  addTracksResponseSchema,
  countsResponseSchema,
  createPlaylistBodySchema,
  moveTrackBodySchema,
  okResponseSchema,
  playlistDetailQuerySchema,
  playlistDetailResponseSchema,
  playlistParamsSchema,
  playlistResponseSchema,
  removeTracksBodySchema,
  removeTracksResponseSchema,
  updatePlaylistBodySchema,
} from './playlist.schema.ts';
import type { PlaylistService } from './playlist.service.ts';

export interface PlaylistRoutesDeps {
  playlists: PlaylistService;
  tracks: PlaylistTrackService;
  covers: PlaylistCoverService;
}

const tags = ['playlists'];
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** One playlist: create, open, edit, delete; its tracks and their order; its cover. */
export function playlistRoutes(deps: PlaylistRoutesDeps): FastifyPluginAsyncZod {
  const { playlists, tracks, covers } = deps;
  return async (app) => {
    app.post(
      '/api/v1/playlists',
      {
        config: { rateLimit: { max: 50, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Create a playlist',
          body: createPlaylistBodySchema,
          response: { 201: playlistResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const playlist = await playlists.create(user.id, request.body);
        return reply.status(201).send({ data: presentPlaylist(playlist, user.id) });
      },
    );

    app.get(
      '/api/v1/playlists/:id',
      {
        schema: {
          tags,
          summary: 'A playlist with one page of its tracks, in order (private ones: owner only, else 404)',
          params: playlistParamsSchema,
          querystring: playlistDetailQuerySchema,
          response: { 200: playlistDetailResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const detail = await playlists.open(user.id, request.params.id, request.query);
        return { data: presentPlaylistDetail(detail, user.id), nextCursor: detail.nextCursor };
      },
    );

    app.patch(
      '/api/v1/playlists/:id',
      {
        config: perMinute(60),
        schema: {
          tags,
          summary: 'Rename, describe, tag (at most 3) or change who sees a playlist (owner only)',
          params: playlistParamsSchema,
          body: updatePlaylistBodySchema,
          response: { 200: playlistResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const playlist = await playlists.update(user.id, request.params.id, request.body);
        return { data: presentPlaylist(playlist, user.id) };
      },
    );

    app.delete(
      '/api/v1/playlists/:id',
      {
        config: perMinute(30),
        schema: {
          tags,
          summary: 'Delete a playlist (owner only)',
          params: playlistParamsSchema,
          response: { 200: okResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await playlists.delete(user.id, request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/playlists/:id/tracks',
      {
        config: perMinute(120),
        schema: {
          tags,
          summary: 'Add tracks (skips those already in it; unknown track: 400 naming it; at most 10,000)',
          params: playlistParamsSchema,
          body: addTracksBodySchema,
          response: { 200: addTracksResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { trackIds, position } = request.body;
        return { data: await tracks.add(user.id, request.params.id, trackIds, position) };
      },
    );

    app.delete(
      '/api/v1/playlists/:id/tracks',
      {
        config: perMinute(120),
        schema: {
          tags,
          summary: 'Remove tracks (ids not in the playlist are ignored)',
          params: playlistParamsSchema,
          body: removeTracksBodySchema,
          response: { 200: removeTracksResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: await tracks.remove(user.id, request.params.id, request.body.trackIds) };
      },
    );

    app.put(
      '/api/v1/playlists/:id/order',
      {
        // A drag is one request; tidying a long list takes many.
        config: perMinute(300),
        schema: {
          tags,
          summary: 'Move one track right after another, or to the top (a drag)',
          params: playlistParamsSchema,
          body: moveTrackBodySchema,
          response: { 200: countsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const { trackId, afterTrackId } = request.body;
        return { data: await tracks.move(user.id, request.params.id, trackId, afterTrackId) };
      },
    );

    app.put(
      '/api/v1/playlists/:id/cover',
      {
        bodyLimit: MAX_COVER_UPLOAD_BYTES + 64 * 1024,
        config: { rateLimit: { max: 20, timeWindow: '10 minutes' } },
        schema: {
          tags,
          summary:
            'Upload a cover (multipart field "file"; checked by content, re-encoded, metadata stripped)',
          consumes: ['multipart/form-data'],
          params: playlistParamsSchema,
          response: {
            200: playlistResponseSchema,
            413: errorResponses[400],
            415: errorResponses[400],
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        if (!request.isMultipart()) {
          throw badRequest('multipart_required', 'Send the image as multipart/form-data');
        }
        const file = await request.file({ limits: { fileSize: MAX_COVER_UPLOAD_BYTES, files: 1 } });
        if (!file) throw badRequest('file_missing', 'No file in the upload');
        await covers.upload(user.id, request.params.id, await file.toBuffer());
        return { data: presentPlaylist(await playlists.view(user.id, request.params.id), user.id) };
      },
    );

    app.delete(
      '/api/v1/playlists/:id/cover',
      {
        config: perMinute(60),
        schema: {
          tags,
          summary: 'Remove the uploaded cover: back to the automatic one',
          params: playlistParamsSchema,
          response: { 200: playlistResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await covers.reset(user.id, request.params.id);
        return { data: presentPlaylist(await playlists.view(user.id, request.params.id), user.id) };
      },
    );
  };
}
