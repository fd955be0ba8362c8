import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built single-page app at `/`; unknown non-API paths fall back to index.html so
 * client-side routes survive a reload.
 */
export async function serveWebApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>Resonance</title><p>Resonance is running. The web app is not built yet.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url.startsWith('/rest/')) {
      return reply.status(404).send({ error: { code: 'route_not_found', message: `No route ${url}` } });
    }
    return reply.sendFile('index.html');
  });
}
