import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/database.ts';
import { requireUser } from '../../../http/auth-context.ts';
import { errorResponses } from '../../../http/error-schema.ts';
import {
  presentAlbum,
  presentAlbumDetail,
  presentArtist,
  presentArtistDetail,
  presentLyrics,
  presentTrack,
} from './browse.presenter.ts';
import { BrowseRepository } from './browse.repository.ts';
import {
  albumDetailResponseSchema,
  albumListQuerySchema,
  albumPageSchema,
  artistDetailResponseSchema,
  artistListQuerySchema,
  artistPageSchema,
  idParamsSchema,
  lyricsQuerySchema,
  lyricsResponseSchema,
  trackListQuerySchema,
  trackPageSchema,
  trackResponseSchema,
} from './browse.schema.ts';
import { BrowseService } from './browse.service.ts';

export interface BrowseRoutesDeps {
  db: Db;
}

const tags = ['library'];

/** The library's read API: tracks, albums, artists and lyrics, for logged-in users. */
export function browseRoutes(deps: BrowseRoutesDeps): FastifyPluginAsyncZod {
  const browse = new BrowseService(new BrowseRepository(deps.db));

  return async (app) => {
    app.get(
      '/api/v1/tracks',
      {
        schema: {
          tags,
          summary: 'List tracks, a page at a time (keyset cursor)',
          querystring: trackListQuerySchema,
          response: { 200: trackPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        const { items, nextCursor } = await browse.listTracks(request.query);
        return { data: items.map(presentTrack), nextCursor };
      },
    );

    app.get(
      '/api/v1/tracks/:id',
      {
        schema: {
          tags,
          summary: 'One track',
          params: idParamsSchema,
          response: { 200: trackResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentTrack(await browse.getTrack(request.params.id)) };
      },
    );

    app.get(
      '/api/v1/tracks/:id/lyrics',
      {
        schema: {
          tags,
          summary: 'The lyrics of a track, with one translation if there is any',
          params: idParamsSchema,
          querystring: lyricsQuerySchema,
          response: { 200: lyricsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentLyrics(await browse.getLyrics(request.params.id, request.query.translation)) };
      },
    );

    app.get(
      '/api/v1/albums',
      {
        schema: {
          tags,
          summary: 'List albums, a page at a time (keyset cursor; sort=random is a seeded shuffle)',
          querystring: albumListQuerySchema,
          response: { 200: albumPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        const { items, nextCursor } = await browse.listAlbums(request.query);
        return { data: items.map(presentAlbum), nextCursor };
      },
    );

    app.get(
      '/api/v1/albums/:id',
      {
        schema: {
          tags,
          summary: 'One album with its tracks in album order',
          params: idParamsSchema,
          response: { 200: albumDetailResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentAlbumDetail(await browse.getAlbum(request.params.id)) };
      },
    );

    app.get(
      '/api/v1/artists',
      {
        schema: {
          tags,
          summary: 'List artists, a page at a time (keyset cursor)',
          querystring: artistListQuerySchema,
          response: { 200: artistPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        const { items, nextCursor } = await browse.listArtists(request.query);
        return { data: items.map(presentArtist), nextCursor };
      },
    );

    app.get(
      '/api/v1/artists/:id',
      {
        schema: {
          tags,
          summary: 'One artist with their albums, albums they appear on and top tracks',
          params: idParamsSchema,
          response: { 200: artistDetailResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentArtistDetail(await browse.getArtist(request.params.id)) };
      },
    );
  };
}
