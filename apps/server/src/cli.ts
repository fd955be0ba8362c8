import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './platform/logger.ts';

/** `resonance …`: admin tasks without the UI. Each command loads the same config as the server. */
function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

const program = new Command('resonance').description('Resonance: a self-hosted social music platform');

program
  .command('start')
  .description('start the server (embedded PostgreSQL unless DATABASE_URL is set)')
  .action(async () => {
    const { runStart } = await import('./commands/start.command.ts');
    await runStart(config());
  });

program
  .command('import')
  .argument('<folder>', 'a folder of music files')
  .description('add a folder to the library and scan it (works while the server runs)')
  .action(async (folder: string) => {
    const { runImport } = await import('./commands/import.command.ts');
    await runImport(config(), folder);
  });

program
  .command('scan')
  .description('rescan every library folder')
  .action(async () => {
    const { runScan } = await import('./commands/import.command.ts');
    await runScan(config());
  });

program
  .command('user')
  .description('manage users')
  .command('create')
  .requiredOption('-u, --username <username>')
  .option('-p, --password <password>', 'password (else read from RESONANCE_PASSWORD)')
  .option('-n, --nickname <nickname>')
  .option('--admin', 'make the user an admin')
  .option('--role <role>', 'listener | musician | moderator | admin')
  .action(
    async (options: {
      username: string;
      password?: string;
      nickname?: string;
      admin?: boolean;
      role?: string;
    }) => {
      const { runUserCreate } = await import('./commands/user.command.ts');
      await runUserCreate(config(), options);
    },
  );

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const { runMigrate } = await import('./commands/migrate.command.ts');
    await runMigrate(config());
  });

program
  .command('openapi')
  .description('write the OpenAPI document to openapi/resonance.json')
  .option('-o, --out <file>', 'output file', 'openapi/resonance.json')
  .action(async (options: { out: string }) => {
    const { runOpenApi } = await import('./commands/openapi.command.ts');
    await runOpenApi(options.out);
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  createLogger('error').error({ err: error }, 'command failed');
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
