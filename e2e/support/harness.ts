import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configSchema, type Config } from '../../apps/server/src/config.ts';
import { createLogger } from '../../apps/server/src/platform/logger.ts';
import { startServer, type RunningServer } from '../../apps/server/src/server.ts';
import { createTestDatabase, type TestDatabase } from '../../apps/server/test/support/test-database.ts';

export interface TestServer {
  url: string;
  server: RunningServer;
  database: TestDatabase;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The real server (same startServer as `npm start`) on a free port, on a fresh database copied
 * from the migrated template, with its own data folder.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'resonance-e2e-'));
  const config: Config = {
    ...configSchema.parse({}),
    port: 0,
    host: '127.0.0.1',
    demo: false,
    databaseUrl: database.url,
    logLevel: 'silent',
    ...overrides,
    dataDir,
  };
  const server = await startServer(config, createLogger(process.env.RESONANCE_TEST_LOG ?? 'silent'));
  return {
    url: server.url.replace('localhost', '127.0.0.1'),
    server,
    database,
    dataDir,
    stop: async () => {
      await server.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
