import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../http/auth-context.ts';
import { errorBodySchema, errorResponses } from '../../http/error-schema.ts';
import { presentFolder, presentScanRun } from './library.presenter.ts';
import {
  folderListQuerySchema,
  folderPageSchema,
  latestScanResponseSchema,
  scanRunResponseSchema,
} from './library.schema.ts';
import type { LibraryService } from './library.service.ts';

export interface LibraryRoutesDeps {
  library: LibraryService;
}

const tags = ['library'];

/** Admin endpoints of the library: start a scan, watch it, see the folders. */
export function libraryRoutes({ library }: LibraryRoutesDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/admin/library/scan',
      {
        schema: {
          tags,
          summary: 'Rescan every library folder in the background (admin)',
          response: { 202: scanRunResponseSchema, 409: errorBodySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireRole(request, 'admin');
        const run = await library.startScanAll('api');
        return reply.status(202).send({ data: presentScanRun(run) });
      },
    );

    app.get(
      '/api/v1/admin/library/scan',
      {
        schema: {
          tags,
          summary: 'The latest scan, with its progress while it runs (admin)',
          response: { 200: latestScanResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireRole(request, 'admin');
        const run = await library.latestScan();
        return { data: run ? presentScanRun(run) : null };
      },
    );

    app.get(
      '/api/v1/admin/library/folders',
      {
        schema: {
          tags,
          summary: 'Library folders with their track counts (admin)',
          querystring: folderListQuerySchema,
          response: { 200: folderPageSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireRole(request, 'admin');
        const { items, nextCursor } = await library.listFolders(request.query.limit, request.query.cursor);
        return { data: items.map(presentFolder), nextCursor };
      },
    );
  };
}
