import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/error-schema.ts';
import { presentResults, presentSuggestion } from './search.presenter.ts';
import {
  searchQuerySchema,
  searchResponseSchema,
  suggestQuerySchema,
  suggestResponseSchema,
} from './search.schema.ts';
import type { SearchService } from './search.service.ts';

export interface SearchRoutesDeps {
  search: SearchService;
}

export function searchRoutes(deps: SearchRoutesDeps): FastifyPluginAsyncZod {
  const { search } = deps;
  return async (app) => {
    app.get(
      '/api/v1/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Search tracks, albums, artists and users by name, pinyin, initials or a near spelling',
          querystring: searchQuerySchema,
          response: { 200: searchResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        return presentResults(await search.search(request.query));
      },
    );

    app.get(
      '/api/v1/search/suggest',
      {
        schema: {
          tags: ['search'],
          summary: 'Up to 10 names starting like what is being typed',
          querystring: suggestQuerySchema,
          response: { 200: suggestResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        const suggestions = await search.suggest(request.query.q, request.query.limit);
        return { data: suggestions.map(presentSuggestion) };
      },
    );
  };
}
