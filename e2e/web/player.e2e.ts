import { pinyin } from 'pinyin-pro';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTrackInfo } from '../../apps/server/src/modules/demo/demo-library.ts';
import type { TestServer } from '../support/harness.ts';
import {
  startWebStage,
  waitForAudioTime,
  type WebStage,
  screenshot,
  phoneContext,
  horizontalOverflow,
} from '../support/web-stage.ts';

/*
 * The web app in a real browser against the real server: register, play an album (the audio
 * element's clock must move), follow the lyrics, skip, search a Chinese artist by pinyin
 * initials, switch languages. Screenshots of the main pages at desktop and phone sizes go to
 * test-results/screenshots/.
 */

const DESKTOP = { width: 1280, height: 800 };

let server: TestServer;
let browser: Browser;
let library: DemoTrackInfo[];

let stage: WebStage;

beforeAll(async () => {
  stage = await startWebStage({ tracks: 6, durationScale: 0.2 });
  server = stage.server;
  browser = stage.browser;
  library = stage.library;
}, 240_000);

afterAll(async () => {
  await stage?.stop();
});

interface AudioClock {
  currentTime: number;
  paused: boolean;
  src: string;
}

/** The state of the audible <audio> element (the engine keeps a second one for preloading). */
async function activeAudio(page: Page): Promise<AudioClock> {
  return page.locator('audio[data-role="active"]').evaluate((element) => {
    const audio = element as unknown as AudioClock;
    return { currentTime: audio.currentTime, paused: audio.paused, src: audio.src };
  });
}

/*
 * Functions run inside the page. The project's Node typings have no DOM, so they reach the
 * document through these small shapes; they must be functions, not strings, because the app's
 * Content Security Policy forbids eval.
 */
interface PageDocument {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): ArrayLike<unknown>;
}
interface LyricItem {
  dataset: { timeMs?: string };
  getAttribute(name: string): string | null;
}

function initials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

describe('web player', () => {
  let context: BrowserContext;
  let page: Page;

  it('registers, plays an album, follows the lyrics, skips, searches and switches language', async () => {
    context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', baseURL: server.url });
    page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (r) => r.status() >= 500 && console.log('HTTP', r.status(), r.url()));

    // Register: a logged-out visitor lands on the login page.
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('link', { name: '立即注册' }).click();
    await page.locator('input[name="username"]').fill('listener');
    await page.locator('input[name="nickname"]').fill('听众');
    await page.locator('input[name="password"]').fill('correct horse battery');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/');
    await expect.poll(() => page.getByTestId('album-card').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await screenshot(page, 'home', 'desktop');

    // Open an album with lyrics in Chinese and play it.
    const withLyrics = library.find((t) => t.hasTranslation && /\p{Script=Han}/u.test(t.title));
    expect(withLyrics, 'the demo library has a Chinese song with translated lyrics').toBeDefined();
    await page.getByRole('link', { name: withLyrics!.album, exact: true }).first().click();
    await page.waitForURL('**/albums/*');
    await expect.poll(() => page.getByTestId('track-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'album', 'desktop');
    await page.getByRole('button', { name: '播放全部' }).click();
    await waitForAudioTime(page, 0.5, 20_000);
    const before = (await activeAudio(page)).currentTime;
    await page.waitForTimeout(1200);
    expect((await activeAudio(page)).currentTime).toBeGreaterThan(before);
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(withLyrics!.title);

    // The now-playing page highlights the line for the current time.
    await page.getByTestId('player-title').click();
    await page.waitForURL('**/now-playing');
    await waitForAudioTime(page, 3.2, 20_000);
    const highlighted = page.locator('.lyric-line[aria-current="true"]');
    await expect.poll(() => highlighted.count()).toBe(1);
    const check = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      const audio = doc.querySelector('audio[data-role="active"]') as AudioClock;
      const items = Array.from(doc.querySelectorAll('.lyric-line') as ArrayLike<LyricItem>);
      return {
        nowMs: audio.currentTime * 1000,
        lines: items.map((li) => Number(li.dataset.timeMs)),
        current: items.findIndex((li) => li.getAttribute('aria-current') === 'true'),
      };
    });
    const { nowMs, lines, current } = check;
    // The highlighted line has started, and the one after it (if any) has not, within a tick.
    expect(lines[current]).toBeLessThanOrEqual(nowMs + 300);
    if (current + 1 < lines.length) expect(lines[current + 1]).toBeGreaterThan(nowMs - 300);
    await expect.poll(() => page.locator('.lyric-translation').count()).toBeGreaterThan(0);
    await screenshot(page, 'now-playing', 'desktop');

    // Queue another song to play next, then skip to it.
    const other = library.find((t) => t.album !== withLyrics!.album)!;
    await page.goto('/songs');
    const row = page.getByTestId('track-row').filter({ hasText: other.title });
    await row.getByRole('button', { name: '下一首播放' }).click();
    await page.getByTestId('next-track').click();
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(other.title);
    await waitForAudioTime(page, 0.5, 20_000);
    expect((await activeAudio(page)).src).toContain('/stream');

    // The queue panel lists both songs; dragging the first one's handle below the second swaps them.
    await page.getByTestId('queue-toggle').click();
    const queueRows = page.getByTestId('queue-row');
    await expect.poll(() => queueRows.count()).toBe(2);
    const firstHandle = queueRows.nth(0).locator('.queue-handle');
    const handleBox = (await firstHandle.boundingBox())!;
    const secondBox = (await queueRows.nth(1).boundingBox())!;
    await page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(handleBox.x + handleBox.width / 2, secondBox.y + secondBox.height * 0.9, {
      steps: 8,
    });
    await page.mouse.up();
    await expect.poll(() => queueRows.nth(0).textContent()).toContain(other.title);
    await screenshot(page, 'queue', 'desktop');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('queue-panel').count()).toBe(0);

    // The queue and position survive a reload (paused: browsers forbid autoplay after one);
    // the space bar starts it again from there.
    await waitForAudioTime(page, 2, 20_000);
    await page.reload();
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(other.title);
    await expect.poll(() => page.getByTestId('current-time').textContent()).not.toBe('0:00');
    await page.keyboard.press('Space');
    await waitForAudioTime(page, 2.5, 20_000);

    // Search by pinyin initials finds the Chinese artist.
    const artist = library.flatMap((t) => t.artists).find((name) => /^\p{Script=Han}+$/u.test(name))!;
    const search = page.getByTestId('search-input');
    await search.fill(initials(artist));
    const suggestion = page.getByTestId('suggestion').filter({ hasText: artist });
    await expect.poll(() => suggestion.count()).toBeGreaterThan(0);
    await screenshot(page, 'search-suggest', 'desktop');
    await search.press('Enter');
    await page.waitForURL('**/search?*');
    await page.getByTestId('search-tab-artist').click();
    await expect
      .poll(() => page.getByTestId('artist-card').filter({ hasText: artist }).count())
      .toBeGreaterThan(0);
    await screenshot(page, 'search', 'desktop');

    // English and back.
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByRole('navigation').first().textContent()).toContain('Discover');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByRole('navigation').first().textContent()).toContain('发现音乐');

    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('lays the same pages out for a phone', async () => {
    const state = await context.storageState();
    const phone = await phoneContext(browser, server.url, state);
    const mobile = await phone.newPage();
    await mobile.goto('/');
    await expect.poll(() => mobile.getByTestId('album-card').count()).toBeGreaterThan(0);
    await screenshot(mobile, 'home', 'phone');
    // Nothing may stick out sideways on a narrow screen.
    expect(await horizontalOverflow(mobile)).toBe(0);

    await mobile.getByTestId('album-card').first().locator('a.card-title').click();
    await mobile.waitForURL('**/albums/*');
    await mobile.locator('.detail-title').waitFor();
    await screenshot(mobile, 'album', 'phone');

    await mobile.goto('/now-playing');
    await expect.poll(() => mobile.getByTestId('vinyl').count()).toBe(1);
    await screenshot(mobile, 'now-playing', 'phone');

    const artist = library.flatMap((t) => t.artists).find((name) => /^\p{Script=Han}+$/u.test(name))!;
    await mobile.goto(`/search?q=${encodeURIComponent(initials(artist))}&type=artist`);
    await expect.poll(() => mobile.getByTestId('artist-card').count()).toBeGreaterThan(0);
    await screenshot(mobile, 'search', 'phone');
    await phone.close();
    await context.close();
  }, 90_000);
});
