import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * The browser tests' server serves apps/web/dist: build it once from the current source, as
 * production does (under Vitest NODE_ENV is "test", which would give React's development build).
 */
export default async function buildWebApp(): Promise<void> {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: path.join(repoRoot, 'apps/web'),
      configFile: path.join(repoRoot, 'apps/web/vite.config.ts'),
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
