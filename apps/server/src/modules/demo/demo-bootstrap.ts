import { ffmpegPath } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import type { AccountService } from '../accounts/account.service.ts';
import type { LibraryScans } from '../library/library.module.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';

/** Demo accounts, so a fresh install can be tried at once. None of them is admin. */
export const DEMO_PASSWORD = 'resonance';
export const DEMO_USERS = [
  { username: 'demo', nickname: '小乐', role: 'listener', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
  { username: 'alice', nickname: 'Alice', role: 'listener', locale: 'en', timeZone: 'Europe/London' },
  {
    username: 'musician',
    nickname: '林间乐队',
    role: 'musician',
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
  },
  { username: 'moderator', nickname: 'Mod', role: 'moderator', locale: 'en', timeZone: 'UTC' },
] as const;

const DONE_KEY = 'demo.generatedAt';

export interface DemoBootstrapDeps {
  settings: SettingsRepository;
  accounts: AccountService;
  scans: LibraryScans;
  demoDir: string;
  logger: Logger;
}

/**
 * On the first start: generate the demo library, import it and create the demo users. Runs
 * once per database (a marker in settings), so deleting the demo folder later is respected.
 */
export async function bootstrapDemo(deps: DemoBootstrapDeps): Promise<boolean> {
  const { settings, accounts, scans, demoDir, logger } = deps;
  if (await settings.get(DONE_KEY)) return false;
  const started = Date.now();
  // Users first, so people can log in at once and watch the library fill in.
  for (const user of DEMO_USERS) {
    try {
      await accounts.createUser({ ...user, password: DEMO_PASSWORD });
    } catch (error) {
      logger.warn({ err: error, username: user.username }, 'demo user not created');
    }
  }
  logger.info({ demoDir }, 'generating the demo library (first start only)');
  let lastLogged = 0;
  // Loaded only when needed: a server with RESONANCE_DEMO=false never loads the synthesizer.
  const { generateDemoLibrary } = await import('./demo-library.ts');
  const tracks = await generateDemoLibrary(demoDir, {
    ffmpegPath: ffmpegPath(),
    onProgress: (done, total, title) => {
      if (Date.now() - lastLogged > 2000 || done === total) {
        lastLogged = Date.now();
        logger.info({ done, total, title }, 'demo library progress');
      }
    },
  });
  const summary = await scans.importFolder(demoDir);
  await settings.set(DONE_KEY, new Date().toISOString());
  logger.info(
    { tracks: tracks.length, imported: summary.added, seconds: (Date.now() - started) / 1000 },
    `demo library ready; log in as "demo" / "${DEMO_PASSWORD}"`,
  );
  return true;
}
