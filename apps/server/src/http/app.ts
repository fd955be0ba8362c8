import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.ts';
import { installAuth, type SessionResolver } from './auth-context.ts';
import { installErrorHandler } from './error-handler.ts';
import { tooManyRequests } from './errors.ts';
import { installOpenApi } from './openapi.ts';

export interface AppOptions {
  logger: Logger | false;
  sessions: SessionResolver;
  routes: FastifyPluginAsyncZod[];
  trustProxy?: boolean;
  redis?: Redis;
  /** extra plugins registered last (the web app's static files) */
  after?: ((app: FastifyInstance) => Promise<void>)[];
}

/** JSON bodies above this are refused before they are read; uploads set their own limits. */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (options.logger || undefined) as FastifyBaseLogger | undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: 'x-request-id',
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    // The SPA loads its own scripts and styles; media and covers come from this origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10, parts: 12 } });
  // Writes are limited per user (or per IP when anonymous); reads are cheap and unlimited.
  await app.register(rateLimit, {
    global: true,
    max: 300,
    timeWindow: '1 minute',
    redis: options.redis,
    nameSpace: 'resonance-rl:',
    allowList: (request) =>
      request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS',
    keyGenerator: (request) => request.auth?.user.id ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      tooManyRequests(context.ttl / 1000, `Too many requests, retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
  installAuth(app, options.sessions);
  await installOpenApi(app);

  for (const routes of options.routes) await app.register(routes);
  for (const extra of options.after ?? []) await extra(app);
  return app;
}
