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

/**
 * A named database on DATABASE_URL's server that outlives the benchmark, for data that takes
 * long to generate (run once, measure many times). `fresh` says whether it was just created.
 */
export async function keptDatabase(name: string): Promise<{ url: string; fresh: boolean }> {
  const external = process.env.DATABASE_URL;
  if (!external) throw new Error('a kept benchmark database needs DATABASE_URL');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: external });
  await client.connect();
  let fresh = false;
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      fresh = true;
    }
  } finally {
    await client.end();
  }
  const url = new URL(external);
  url.pathname = `/${name}`;
  return { url: url.toString(), fresh };
}
