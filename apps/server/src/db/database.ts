import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// bigint (int8) counts come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export function createDb(connectionString: string, maxConnections = 10): Db {
  // JIT compilation costs hundreds of ms on short queries over fresh, unanalysed tables.
  const pool = new pg.Pool({ connectionString, max: maxConnections, options: '-c jit=off' });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
}
