import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { buildTemplate } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

const quiet = {
  info: () => undefined,
  debug: () => undefined,
  error: (...args: unknown[]) => console.error(...args),
};

/** One embedded PostgreSQL for the whole run, in a throw-away folder. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'resonance-test-pg-'));
  const embedded = await startEmbeddedPostgres(dir, quiet);
  const adminUrl = embedded.url.replace(/\/resonance$/, '/postgres');
  await buildTemplate(adminUrl);
  project.provide('adminUrl', adminUrl);
  return async () => {
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
