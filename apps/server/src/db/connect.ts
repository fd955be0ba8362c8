import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Logger } from '../platform/logger.ts';
import { createDb, type Db } from './database.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrateToLatest } from './migrate.ts';

export interface OpenDatabase {
  db: Db;
  url: string;
  embedded: boolean;
  /** closes the pool, and stops the embedded PostgreSQL when this process started it */
  close(): Promise<void>;
}

/**
 * When a server already runs an embedded PostgreSQL on this data directory (the CLI importing
 * while the server runs), join it instead of starting a second one on the same files.
 */
function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const credentialsFile = path.join(dataDir, 'pg-credentials.json');
  if (!existsSync(pidFile) || !existsSync(credentialsFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const { user, password } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
    user: string;
    password: string;
  };
  return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/resonance`;
}

export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir, logger);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const db = createDb(url);
  try {
    const version = await sql<{ v: number }>`SELECT current_setting('server_version_num')::int AS v`.execute(
      db,
    );
    if ((version.rows[0]?.v ?? 0) < 150000) throw new Error('Resonance needs PostgreSQL 15 or newer');
    const applied = await migrateToLatest(db as unknown as Kysely<unknown>);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
  } catch (error) {
    await db.destroy();
    await stopEmbedded?.();
    throw error;
  }
  return {
    db,
    url,
    embedded: stopEmbedded !== undefined,
    close: async () => {
      await db.destroy();
      await stopEmbedded?.();
    },
  };
}
