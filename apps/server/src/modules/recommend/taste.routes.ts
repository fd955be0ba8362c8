import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { presentBlocked, presentOnboarding, presentTaste } from './recommend.presenter.ts';
import {
  artistIdParamsSchema,
  blockedArtistsResponseSchema,
  blockStateSchema,
  onboardingResponseSchema,
  tasteBodySchema,
  tasteResponseSchema,
} from './recommend.schema.ts';
import type { TasteService } from './taste.service.ts';

const tags = ['recommend'];

/** Onboarding choices, taste reset and blocked artists: the user's control over recommendations. */
export function tasteRoutes(deps: { taste: TasteService }): FastifyPluginAsyncZod {
  const { taste } = deps;
  return async (app) => {
    app.get(
      '/api/v1/recommend/onboarding',
      {
        schema: {
          tags,
          summary: 'Genres (with track counts) and artists to pick from when starting out',
          response: { 200: onboardingResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return { data: presentOnboarding(await taste.onboarding()) };
      },
    );

    app.get(
      '/api/v1/me/taste',
      {
        schema: {
          tags,
          summary: 'My onboarding choices, FM mode and when my taste was last reset',
          response: { 200: tasteResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentTaste(await taste.get(user.id)) };
      },
    );

    app.put(
      '/api/v1/me/taste',
      {
        schema: {
          tags,
          summary: 'Choose genres and artists to start from (replaces earlier choices), and the FM mode',
          body: tasteBodySchema,
          response: { 200: tasteResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentTaste(await taste.set(user.id, request.body)) };
      },
    );

    app.post(
      '/api/v1/me/taste/reset',
      {
        schema: {
          tags,
          summary: 'Start my taste profile over (history is kept but no longer shapes recommendations)',
          response: { 200: tasteResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentTaste(await taste.reset(user.id)) };
      },
    );

    app.get(
      '/api/v1/me/blocked-artists',
      {
        schema: {
          tags,
          summary: 'Artists I never want recommended, most recently blocked first',
          response: { 200: blockedArtistsResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return { data: presentBlocked(await taste.blocked(user.id)) };
      },
    );

    app.post(
      '/api/v1/me/blocked-artists/:artistId',
      {
        schema: {
          tags,
          summary: 'Never recommend this artist (idempotent)',
          params: artistIdParamsSchema,
          response: { 200: blockStateSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await taste.block(user.id, request.params.artistId);
        return { data: { artistId: request.params.artistId, blocked: true } };
      },
    );

    app.delete(
      '/api/v1/me/blocked-artists/:artistId',
      {
        schema: {
          tags,
          summary: 'Recommend this artist again (idempotent)',
          params: artistIdParamsSchema,
          response: { 200: blockStateSchema, ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await taste.unblock(user.id, request.params.artistId);
        return { data: { artistId: request.params.artistId, blocked: false } };
      },
    );
  };
}
