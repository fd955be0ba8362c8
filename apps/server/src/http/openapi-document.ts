import { createAppContext } from '../app-context.ts';
import { configSchema } from '../config.ts';
import { createDb } from '../db/database.ts';
import { systemClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';
import { buildApp } from './app.ts';

/**
 * Builds the app without touching a database (the pool connects lazily and is never used)
 * and renders its OpenAPI document, stable and pretty-printed for review.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const config = { ...configSchema.parse({}), dataDir: '/nonexistent' };
  const db = createDb('postgres://openapi@127.0.0.1:1/none');
  const context = createAppContext(config, db, createLogger('silent'), systemClock);
  const app = await buildApp({ logger: false, sessions: context.sessions, routes: context.routes });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await context.close();
    await db.destroy();
  }
}
