import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Registry, collectDefaultMetrics, Histogram } from 'prom-client';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';

export interface OpsRoutesDeps {
  db: Db;
}

/** `/health` for load balancers and `/metrics` for Prometheus. */
export function opsRoutes({ db }: OpsRoutesDeps): FastifyPluginAsyncZod {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'resonance_' });
  const duration = new Histogram({
    name: 'resonance_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      duration.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    app.get(
      '/health',
      {
        schema: {
          tags: ['ops'],
          summary: 'Liveness and database reachability',
          response: {
            200: z.object({ status: z.literal('ok'), database: z.literal('up') }),
            503: z.object({ status: z.literal('degraded'), database: z.literal('down') }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await sql`SELECT 1`.execute(db);
          return { status: 'ok' as const, database: 'up' as const };
        } catch {
          return reply.status(503).send({ status: 'degraded' as const, database: 'down' as const });
        }
      },
    );

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  };
  // Not encapsulated, so the timing hook sees every route of the app.
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}
