import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { presentArtist, presentTrack } from '../library/browse/browse.presenter.ts';
import { presentPlaylist } from '../playlists/playlist.presenter.ts';
import type { DailyService } from './daily.service.ts';
import type { FmService } from './fm.service.ts';
import type { PlaylistRecsService } from './playlist-recs.service.ts';
import { presentDaily, presentFm, presentWhy } from './recommend.presenter.ts';
import {
  dailyQuerySchema,
  dailyResponseSchema,
  fmQuerySchema,
  fmResponseSchema,
  idParamsSchema,
  recommendedPlaylistsQuerySchema,
  recommendedPlaylistsResponseSchema,
  similarArtistsResponseSchema,
  similarQuerySchema,
  similarTracksResponseSchema,
  trackIdParamsSchema,
  trashResponseSchema,
  whyResponseSchema,
} from './recommend.schema.ts';
import type { SimilarService } from './similar.service.ts';
import type { TasteService } from './taste.service.ts';
import type { WhyService } from './why.service.ts';

export interface RecommendRoutesDeps {
  daily: DailyService;
  fm: FmService;
  similar: SimilarService;
  playlists: PlaylistRecsService;
  taste: TasteService;
  why: WhyService;
}

const tags = ['recommend'];

/** Daily Recommendations, Private FM, "similar", recommended playlists and "why". */
export function recommendRoutes(deps: RecommendRoutesDeps): FastifyPluginAsyncZod {
  const { daily, fm, similar, playlists, taste, why } = deps;
  return async (app) => {
    app.get(
      '/api/v1/recommend/daily',
      {
        schema: {
          tags,
          summary: "Today's 30 tracks (ready at 06:00 in your time zone, stable all day), or a past day's",
          querystring: dailyQuerySchema,
          response: { 200: dailyResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentDaily(await daily.get(user.id, request.query.date)) };
      },
    );

    app.post(
      '/api/v1/recommend/daily/:trackId/dismiss',
      {
        schema: {
          tags,
          summary: '"Not interested": remove a track from today\'s list; another takes its place',
          params: trackIdParamsSchema,
          response: { 200: dailyResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentDaily(await daily.dismiss(user.id, request.params.trackId)) };
      },
    );

    app.get(
      '/api/v1/recommend/fm',
      {
        schema: {
          tags,
          summary: 'Private FM: the next tracks of your endless stream',
          querystring: fmQuerySchema,
          response: { 200: fmResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentFm(await fm.next(user.id, request.query.count, request.query.mode)) };
      },
    );

    app.post(
      '/api/v1/recommend/fm/:trackId/trash',
      {
        schema: {
          tags,
          summary: 'Bin a track: never recommended again, and its like are pushed down at once',
          params: trackIdParamsSchema,
          response: { 200: trashResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await taste.trash(user.id, request.params.trackId);
        return { data: { trackId: request.params.trackId, trashed: true as const } };
      },
    );

    app.get(
      '/api/v1/recommend/why/:trackId',
      {
        schema: {
          tags,
          summary: 'Why a track in your daily list or recent FM was recommended',
          params: trackIdParamsSchema,
          response: { 200: whyResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentWhy(await why.explain(user.id, request.params.trackId)) };
      },
    );

    app.get(
      '/api/v1/recommend/playlists',
      {
        schema: {
          tags,
          summary: 'Public playlists matched to your listening, for the home page',
          querystring: recommendedPlaylistsQuerySchema,
          response: { 200: recommendedPlaylistsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const rows = await playlists.recommend(user.id, request.query.limit);
        return { data: rows.map((row) => presentPlaylist(row, user.id)) };
      },
    );

    app.get(
      '/api/v1/tracks/:id/similar',
      {
        schema: {
          tags,
          summary: 'Tracks like this one (the now-playing page)',
          params: idParamsSchema,
          querystring: similarQuerySchema,
          response: { 200: similarTracksResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const rows = await similar.tracks(user.id, request.params.id, request.query.limit);
        return { data: rows.map(presentTrack) };
      },
    );

    app.get(
      '/api/v1/artists/:id/similar',
      {
        schema: {
          tags,
          summary: 'Artists like this one (the artist page)',
          params: idParamsSchema,
          querystring: similarQuerySchema,
          response: { 200: similarArtistsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const rows = await similar.artists(user.id, request.params.id, request.query.limit);
        return { data: rows.map(presentArtist) };
      },
    );

    app.get(
      '/api/v1/playlists/:id/similar',
      {
        schema: {
          tags,
          summary: 'More like this playlist: tracks like its tracks, not in it',
          params: idParamsSchema,
          querystring: similarQuerySchema,
          response: { 200: similarTracksResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const rows = await similar.playlist(user.id, request.params.id, request.query.limit);
        return { data: rows.map(presentTrack) };
      },
    );
  };
}
