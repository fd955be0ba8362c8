import { createAppContext } from '../app-context.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import type { Role } from '../db/schema.ts';
import { roleSchema } from '../modules/accounts/account.schema.ts';
import { systemClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';

export async function runUserCreate(
  config: Config,
  options: { username: string; password?: string; nickname?: string; admin?: boolean; role?: string },
): Promise<void> {
  const password = options.password ?? process.env.RESONANCE_PASSWORD;
  if (!password) throw new Error('give a password with --password or RESONANCE_PASSWORD');
  const role: Role | undefined = options.admin
    ? 'admin'
    : options.role
      ? roleSchema.parse(options.role)
      : undefined;
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger);
  const context = createAppContext(config, database.db, logger, systemClock);
  try {
    const user = await context.accounts.createUser({
      username: options.username,
      password,
      nickname: options.nickname ?? options.username,
      role,
    });
    console.log(`created ${user.role} "${user.username}" (${user.id})`);
  } finally {
    await context.close();
    await database.close();
  }
}
