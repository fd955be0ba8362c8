import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../http/auth-context.ts';
import { errorBodySchema, errorResponses } from '../../http/error-schema.ts';
import type { CoverService } from './cover.service.ts';
import { sendFile, sendGrowing } from './file-responder.ts';
import {
  coverParamsSchema,
  coverQuerySchema,
  DEFAULT_TRANSCODE_KBPS,
  fileBodySchema,
  streamQuerySchema,
  trackParamsSchema,
} from './media.schema.ts';
import type { StreamService } from './stream.service.ts';

export interface MediaRoutesDeps {
  streams: StreamService;
  covers: CoverService;
}

const fileResponses = {
  200: fileBodySchema,
  206: fileBodySchema,
  304: fileBodySchema.describe('Not modified'),
  416: errorBodySchema,
  422: errorBodySchema,
  ...errorResponses,
};

/**
 * Whether the client wants the whole file from its first byte (a player starting a track;
 * browsers send `bytes=0-`): only such a request can be served from a transcode in progress.
 */
function wantsWholeFromStart(request: FastifyRequest): boolean {
  const range = request.headers.range;
  return request.method === 'GET' && (range === undefined || /^\s*bytes\s*=\s*0-\s*$/i.test(range));
}

export function mediaRoutes(deps: MediaRoutesDeps): FastifyPluginAsyncZod {
  const { streams, covers } = deps;
  return async (app) => {
    // GET and HEAD declared together: Fastify's automatic HEAD route would read the whole file.
    app.route({
      method: ['GET', 'HEAD'],
      url: '/api/v1/tracks/:id/stream',
      schema: {
        tags: ['media'],
        summary: 'The audio of a track (Range requests, conditional requests, optional transcoding)',
        params: trackParamsSchema,
        querystring: streamQuerySchema,
        response: fileResponses,
      },
      handler: async (request, reply) => {
        requireUser(request);
        const { id } = request.params;
        const { format, bitrate } = request.query;
        if (!format) return sendFile(request, reply, await streams.original(id));
        const kbps = bitrate ?? DEFAULT_TRANSCODE_KBPS;
        const audio = await streams.transcoded(id, format, kbps, wantsWholeFromStart(request));
        return audio.kind === 'live' ? sendGrowing(reply, audio) : sendFile(request, reply, audio.file);
      },
    });

    // No login: covers appear in shared links and link previews, and an id is the SHA-256 of
    // the image, so it cannot be guessed, only passed on by someone who could see it.
    app.route({
      method: ['GET', 'HEAD'],
      url: '/api/v1/covers/:id',
      schema: {
        tags: ['media'],
        summary: 'A cover image: the original, or a square WebP/JPEG thumbnail (by Accept)',
        security: [],
        params: coverParamsSchema,
        querystring: coverQuerySchema,
        response: fileResponses,
      },
      handler: async (request, reply) => {
        const webp = (request.headers.accept ?? '').includes('image/webp');
        const file = await covers.cover(request.params.id, request.query.size, webp ? 'webp' : 'jpeg');
        // Public images may be embedded by other sites (helmet defaults to same-origin only).
        reply.header('cross-origin-resource-policy', 'cross-origin');
        return sendFile(request, reply, file);
      },
    });
  };
}
