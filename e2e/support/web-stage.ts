import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateDemoLibrary, type DemoTrackInfo } from '../../apps/server/src/modules/demo/demo-library.ts';
import { ffmpegPath } from '../../apps/server/src/platform/ffmpeg.ts';
import { startTestServer, type TestServer } from './harness.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** where browser tests keep their screenshots (an artifact of the run) */
export const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
const CHROMIUM = process.env.RESONANCE_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's chromium, headless, allowed to start audio without a click. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface WebStage {
  server: TestServer;
  browser: Browser;
  library: DemoTrackInfo[];
  stop(): Promise<void>;
}

/**
 * Everything a browser test stands on: a small generated library (real audio, covers,
 * lyrics) imported into the real server, and a browser. The web app itself is built once for
 * all browser tests (global-setup.web.ts).
 */
export async function startWebStage(options: { tracks: number; durationScale: number }): Promise<WebStage> {
  const libraryDir = await mkdtemp(path.join(os.tmpdir(), 'resonance-web-e2e-'));
  const library = await generateDemoLibrary(libraryDir, {
    ffmpegPath: ffmpegPath(),
    durationScale: options.durationScale,
    limit: options.tracks,
  });
  const server = await startTestServer();
  await server.server.context.library.scans.importFolder(libraryDir);
  await mkdir(screenshots, { recursive: true });
  const browser = await launchChromium();
  return {
    server,
    browser,
    library,
    stop: async () => {
      await browser.close();
      await server.stop();
      await rm(libraryDir, { recursive: true, force: true });
    },
  };
}

/** The app's Node typings have no DOM: functions run in the page reach it through this shape. */
interface AudibleDocument {
  querySelector(selector: string): unknown;
}

/**
 * Waits until the audible <audio> element (the engine keeps a second one for preloading) is
 * playing at or past `atLeast` seconds: real audio is moving. A function, not a string,
 * because the app's Content Security Policy forbids eval.
 */
export async function waitForAudioTime(page: Page, atLeast: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (min) => {
      const doc = (globalThis as unknown as { document: AudibleDocument }).document;
      const audio = doc.querySelector('audio[data-role="active"]') as {
        currentTime: number;
        paused: boolean;
      } | null;
      return audio !== null && !audio.paused && audio.currentTime >= min;
    },
    atLeast,
    { timeout },
  );
}

/** Saves `<name>-<size>.png` once covers and fonts have settled, as a person sees the page. */
export async function screenshot(page: Page, name: string, size: 'desktop' | 'phone'): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(screenshots, `${name}-${size}.png`) });
}

/** A phone's screen: narrow, touch, high density; signed in with the given session state. */
export function phoneContext(
  browser: Browser,
  baseURL: string,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    baseURL,
    storageState,
  });
}

/** How far the page sticks out sideways beyond the screen, in CSS pixels (0 = not at all). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (
      globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}
