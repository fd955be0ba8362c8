import type { FastifyInstance } from 'fastify';
import { createAppContext, type AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { buildApp } from './http/app.ts';
import { serveWebApp } from './http/web-app.ts';
import { seedDemoCommunityOnce } from './demo-seed.ts';
import { bootstrapDemo } from './modules/demo/demo-bootstrap.ts';
import { SettingsRepository } from './modules/settings/settings.repository.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Logger } from './platform/logger.ts';

export interface RunningServer {
  app: FastifyInstance;
  context: AppContext;
  url: string;
  /** resolves when the first-start demo library is in place (or immediately) */
  demoReady: Promise<void>;
  stop(): Promise<void>;
}

/** config → database → migrate → http (+ first-start demo library in the background) */
export async function startServer(
  config: Config,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<RunningServer> {
  const database = await openDatabase(config, logger);
  const context = createAppContext(config, database.db, logger, clock, database.url);
  const app = await buildApp({
    logger,
    sessions: context.sessions,
    routes: context.routes,
    trustProxy: config.trustProxy,
    redis: context.redis,
    after: [serveWebApp],
  });
  await context.library.scans.registerConfiguredFolders();
  // An existing library on a fresh index (an upgrade, a restored database) is indexed in the background.
  const searchReady = (async () => {
    if (await context.search.indexer.isEmpty()) await context.search.indexer.reindexAll();
  })().catch((error: unknown) => logger.error({ err: error }, 'search index rebuild failed'));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.info({ url }, 'Resonance is listening');
  if (config.roles.includes('worker')) context.scheduler.start();

  const demoReady = config.demo
    ? bootstrapDemo({
        settings: new SettingsRepository(database.db),
        accounts: context.accounts,
        scans: context.library.scans,
        demoDir: context.paths.demoMusic,
        logger,
      })
        .then(() => seedDemoCommunityOnce(context, new SettingsRepository(database.db)))
        .then(
          () => undefined,
          (error: unknown) => logger.error({ err: error }, 'demo library failed'),
        )
    : Promise.resolve();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await demoReady;
      await searchReady;
      await context.close();
      await database.close();
    })());
  return { app, context, url, demoReady, stop };
}
