/**
 * Worker threads that run our TypeScript sources. Workers do not inherit a loader registered
 * with tsx's `register()` (which is how bin/resonance.js runs the sources), so each worker starts
 * from a small CommonJS bootstrap that registers tsx itself and then imports the entry module.
 * A failure to start arrives as a `{ type: 'fatal', message }` message.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
Promise.resolve()
  .then(() => import(workerData.tsxApi))
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((error) => parentPort.postMessage({ type: 'fatal', message: String((error && error.stack) || error) }));
`;

export interface FatalReply {
  readonly type: 'fatal';
  readonly message: string;
}

/** URL of tsx's ESM API, found through the package's exports map (its CommonJS build can't register here). */
function tsxEsmApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = require('tsx/package.json') as {
    exports: Record<string, { import?: { default?: string } } | undefined>;
  };
  const target = manifest.exports['./esm/api']?.import?.default;
  if (!target) throw new Error('tsx does not export an ESM API');
  return pathToFileURL(path.join(path.dirname(manifestPath), target)).href;
}

/** Starts a worker running the TypeScript module at `entry` (a file: URL). */
export function startTypeScriptWorker(entry: URL): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    execArgv: [],
    workerData: { tsxApi: tsxEsmApiUrl(), entry: entry.href },
  });
}

/**
 * Lowers the scheduling priority of the calling thread (background work: training, the daily
 * lists) so that request handling and the database get the cores first when both want them. On
 * Linux the nice value is per thread, so this leaves the rest of the process alone; where the
 * call is refused the thread simply keeps its priority.
 */
export function runThisThreadInBackground(): void {
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // not permitted here: keep the normal priority
  }
}
