import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { createLogger } from '../platform/logger.ts';

export async function runMigrate(config: Config): Promise<void> {
  const database = await openDatabase(config, createLogger('info'));
  await database.close();
}
