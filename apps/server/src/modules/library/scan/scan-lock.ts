import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/** An arbitrary constant naming "the library scan" among PostgreSQL advisory locks. */
const SCAN_LOCK_KEY = 7_215_032_118;

export interface ScanLease {
  release(): Promise<void>;
}

/**
 * One scan at a time across every process sharing the database (the server, `resonance
 * import` in a terminal, a second instance). A session-level advisory lock is held on a
 * connection set aside for the whole scan; PostgreSQL drops it by itself if the process dies,
 * so a crash never leaves the library locked. (It needs a real session: behind a pgbouncer in
 * transaction mode, point DATABASE_URL at PostgreSQL itself.)
 */
export class ScanLock {
  constructor(private readonly db: Db) {}

  /** The lease, or null when another scan holds the lock. Never waits. */
  tryAcquire(): Promise<ScanLease | null> {
    return new Promise((resolve, reject) => {
      let acquired = false;
      let letGo!: () => void;
      const released = new Promise<void>((done) => (letGo = done));
      const session = this.db.connection().execute(async (connection) => {
        const { rows } = await sql<{
          locked: boolean;
        }>`SELECT pg_try_advisory_lock(${SCAN_LOCK_KEY}::bigint) AS locked`.execute(connection);
        if (!rows[0]?.locked) {
          resolve(null);
          return;
        }
        acquired = true;
        resolve({
          release: async () => {
            letGo();
            // The unlock failing means the connection is gone, and the lock with it.
            await session.catch(() => undefined);
          },
        });
        await released;
        await sql`SELECT pg_advisory_unlock(${SCAN_LOCK_KEY}::bigint)`.execute(connection);
      });
      session.catch((error: unknown) => {
        if (!acquired) reject(error);
      });
    });
  }
}
