import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * How to run Resonance: read once at boot from the environment, over an optional JSON config
 * file (`RESONANCE_CONFIG`, default `<cwd>/resonance.config.json`). Behaviour that admins
 * change at run time belongs in the settings table, not here.
 */
const booleanish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'yes');

const commaList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0));

export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4533),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  musicDirs: commaList.default([]),
  demo: booleanish.default(true),
  databaseUrl: z.string().url().optional(),
  redisUrl: z.string().url().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** upper bound of the transcode cache on disk, in megabytes */
  transcodeCacheMb: z.coerce.number().int().min(16).max(1_000_000).default(1024),
  /** set behind a TLS-terminating proxy so cookies get the Secure flag */
  secureCookies: booleanish.default(false),
  trustProxy: booleanish.default(false),
  roles: commaList.default(['api', 'worker']),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

/** env variable → config key; the file uses the keys directly. */
const envKeys: Record<string, keyof z.input<typeof configSchema>> = {
  RESONANCE_PORT: 'port',
  RESONANCE_HOST: 'host',
  RESONANCE_DATA_DIR: 'dataDir',
  RESONANCE_MUSIC_DIRS: 'musicDirs',
  RESONANCE_DEMO: 'demo',
  DATABASE_URL: 'databaseUrl',
  REDIS_URL: 'redisUrl',
  RESONANCE_LOG_LEVEL: 'logLevel',
  RESONANCE_TRANSCODE_CACHE_MB: 'transcodeCacheMb',
  RESONANCE_SECURE_COOKIES: 'secureCookies',
  RESONANCE_TRUST_PROXY: 'trustProxy',
  RESONANCE_ROLES: 'roles',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readConfigFile(file: string, problems: string[]): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    problems.push(`${file}: must hold a JSON object`);
  } catch (error) {
    problems.push(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return {};
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const file = path.resolve(cwd, env.RESONANCE_CONFIG ?? 'resonance.config.json');
  const fromFile = readConfigFile(file, problems);
  const known = new Set(Object.keys(configSchema.shape));
  for (const key of Object.keys(fromFile)) {
    if (!known.has(key)) problems.push(`${path.basename(file)}: unknown key "${key}"`);
  }
  const merged: Record<string, unknown> = { ...fromFile };
  const sourceOf: Record<string, string> = {};
  for (const [envName, key] of Object.entries(envKeys)) {
    const value = env[envName];
    if (value !== undefined && value !== '') {
      merged[key] = value;
      sourceOf[key] = envName;
    }
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push(`${sourceOf[key] ?? key}: ${issue.message}`);
    }
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return { ...result.data, dataDir: path.resolve(cwd, result.data.dataDir) };
}
