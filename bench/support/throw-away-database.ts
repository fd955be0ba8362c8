import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../apps/server/src/db/embedded-postgres.ts';

/**
 * A database for one benchmark: a new one on the server of DATABASE_URL when set (dropped at
 * the end), else an embedded PostgreSQL in a temporary folder.
 */
export async function throwAwayDatabase(
  prefix: string,
): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString(), cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `resonance-${prefix}-`));
  const quiet = {
    info: () => undefined,
    debug: () => undefined,
    error: (...args: unknown[]) => console.error(...args),
  };
  const embedded = await startEmbeddedPostgres(dir, quiet);
  return {
    url: embedded.url,
    cleanup: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
