import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { createAppContext } from '../app-context.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import type { ScanProgress, ScanSummary } from '../modules/library/library.module.ts';
import { systemClock } from '../platform/clock.ts';
import { createLogger } from '../platform/logger.ts';

function progressBar() {
  const bar = new SingleBar(
    { format: 'scanning [{bar}] {percentage}% | {value}/{total} files | {file}', hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(p: ScanProgress) {
      if (!process.stdout.isTTY) return;
      if (!started) {
        bar.start(p.total, 0, { file: '' });
        started = true;
      }
      bar.setTotal(p.total);
      bar.update(p.processed, { file: p.currentPath ? path.basename(p.currentPath).slice(0, 40) : '' });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function printSummary(summary: ScanSummary): void {
  console.log(
    `added ${summary.added}, updated ${summary.updated}, removed ${summary.removed}, ` +
      `unchanged ${summary.unchanged}, failed ${summary.failed} ` +
      `(${summary.total} files, ${summary.filesPerSecond.toFixed(1)} files/s)`,
  );
  for (const error of summary.errors.slice(0, 20)) console.log(`  failed: ${error.path}: ${error.message}`);
  if (summary.errors.length > 20) console.log(`  … and ${summary.errors.length - 20} more`);
}

async function withLibrary(
  config: Config,
  run: (ctx: ReturnType<typeof createAppContext>) => Promise<ScanSummary>,
) {
  const logger = createLogger(process.env.RESONANCE_LOG_LEVEL ?? 'warn');
  const database = await openDatabase(config, logger);
  const context = createAppContext(config, database.db, logger, systemClock);
  try {
    printSummary(await run(context));
  } finally {
    await context.close();
    await database.close();
  }
}

export async function runImport(config: Config, folder: string): Promise<void> {
  const absolute = path.resolve(folder);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new Error(`${absolute} is not a folder`);
  }
  const bar = progressBar();
  await withLibrary(config, (ctx) =>
    ctx.library.scans.importFolder(absolute, (p) => bar.update(p)).finally(bar.stop),
  );
}

export async function runScan(config: Config): Promise<void> {
  const bar = progressBar();
  await withLibrary(config, async (ctx) => {
    await ctx.library.scans.registerConfiguredFolders();
    return ctx.library.scans.scanAll('cli', (p) => bar.update(p)).finally(bar.stop);
  });
}
