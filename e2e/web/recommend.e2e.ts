import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoTrackInfo } from '../../apps/server/src/modules/demo/demo-library.ts';
import { browserLikeClient, type BrowserLikeClient } from '../support/browser-like-client.ts';
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
 * Recommendations in a real browser against the real server: a new listener is asked what they
 * like, picks a genre and gets a daily list led by it, each song with its reason; "not
 * interested" puts a replacement in the same place; the list plays as 'daily' in the listening
 * log; Private FM plays, and a trashed track is skipped at once and never served again; an
 * artist's page shows similar artists and can block the artist; the profile lists blocked
 * artists and resets the taste. Every change is checked through the API too. Screenshots go to
 * test-results/screenshots/.
 */

const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'correct horse battery';
/**
 * The genre the listener picks: The Paper Lanterns' album, four songs with no other artist on
 * them. A list holds at most three songs by one artist, so one is always left to replace another.
 */
const GENRE = 'Indie Rock';
/** The whole demo catalogue (8 artists): enough for a daily list to have songs left over. */
const CATALOGUE_SIZE = 29;

let stage: WebStage;
let server: TestServer;
let browser: Browser;
let library: DemoTrackInfo[];

beforeAll(async () => {
  stage = await startWebStage({ tracks: CATALOGUE_SIZE, durationScale: 0.1 });
  ({ server, browser, library } = stage);
}, 240_000);

afterAll(async () => {
  await stage?.stop();
});

const shot = (page: Page, name: string) => screenshot(page, name, 'desktop');

async function apiAs(username: string): Promise<BrowserLikeClient> {
  const client = browserLikeClient(server.url);
  const result = await client.api.POST('/api/v1/auth/login', { body: { username, password: PASSWORD } });
  expect(result.response.ok).toBe(true);
  return client;
}

describe('recommendations', () => {
  it('onboards a new listener, then daily picks, Private FM, similar artists and control', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', baseURL: server.url });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The source of every listening event the server accepted.
    const reportedSources: string[] = [];
    page.on('response', (response) => {
      const request = response.request();
      if (request.method() !== 'POST' || !request.url().endsWith('/api/v1/listening/events')) return;
      if (!response.ok()) return;
      const body = request.postDataJSON() as { events: { source: { type: string } }[] };
      reportedSources.push(...body.events.map((event) => event.source.type));
    });

    // A new listener: the home page asks what they like.
    await page.goto('/register');
    await page.locator('input[name="username"]').fill('newcomer');
    await page.locator('input[name="nickname"]').fill('新来的');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/');
    const me = await apiAs('newcomer');
    await page.getByTestId('onboarding-card').waitFor();
    await expect.poll(() => page.getByTestId('daily-card').count()).toBe(1);
    await expect.poll(() => page.getByTestId('fm-card').count()).toBe(1);

    // Pick a genre.
    await page.getByRole('button', { name: '选择我的口味' }).click();
    const genre = page.getByTestId('genre-choice').filter({ hasText: GENRE });
    await genre.click();
    await expect.poll(() => genre.getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'onboarding');
    await page.getByTestId('onboarding-done').click();
    await page.getByTestId('onboarding-card').waitFor({ state: 'detached' });
    const taste = (await me.api.GET('/api/v1/me/taste')).data!.data;
    expect(taste.genres).toEqual([GENRE.toLowerCase()]);
    expect(taste.onboardedAt).not.toBeNull();
    await shot(page, 'home-recommend');

    // The daily list starts with songs of that genre, each with its reason.
    const inGenre = new Set(library.filter((track) => track.genre === GENRE).map((track) => track.title));
    await page.getByRole('link', { name: '每日推荐' }).first().click();
    await page.waitForURL('**/daily');
    const rows = page.getByTestId('daily-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    expect(await page.getByTestId('reason').count()).toBe(await rows.count());
    const firstTitle = (await rows.nth(0).locator('.track-title').textContent())!;
    expect(inGenre.has(firstTitle)).toBe(true);
    expect(await rows.nth(0).getByTestId('reason').textContent()).toBe(`${GENRE} 热门歌曲`);
    const today = async () => (await me.api.GET('/api/v1/recommend/daily')).data!.data;
    const before = await today();
    const genreReasons = before.tracks.filter(
      ({ reason }) => reason.kind === 'popular_in_genre' && reason.genre === GENRE.toLowerCase(),
    );
    expect(genreReasons.length).toBeGreaterThanOrEqual(2);
    for (const { track } of genreReasons) expect(track.genre).toBe(GENRE);
    const dateTile = await page.getByTestId('date-tile').textContent();
    expect(dateTile).toContain(String(Number(before.date.slice(8))));
    await shot(page, 'daily');

    // "Why?" shows the stored reason.
    await rows.nth(0).getByTestId('why-button').click();
    const why = page.getByRole('dialog', { name: '推荐理由' });
    await expect.poll(() => why.getByTestId('why').textContent()).toContain(`${GENRE} 热门歌曲`);
    expect(await why.textContent()).toContain('每日推荐');
    await page.keyboard.press('Escape');
    await why.waitFor({ state: 'detached' });

    // Not interested: a replacement takes the first place, the rest stay where they were.
    const idsBefore = await rows.evaluateAll((items) =>
      items.map((item) => (item as unknown as { dataset: { trackId: string } }).dataset.trackId),
    );
    await rows
      .nth(0)
      .getByRole('button', { name: `对《${firstTitle}》不感兴趣` })
      .click();
    await expect.poll(() => rows.nth(0).getAttribute('data-track-id')).not.toBe(idsBefore[0]);
    const idsAfter = await rows.evaluateAll((items) =>
      items.map((item) => (item as unknown as { dataset: { trackId: string } }).dataset.trackId),
    );
    expect(idsAfter).not.toContain(idsBefore[0]);
    expect(idsAfter.slice(1)).toEqual(idsBefore.slice(1));
    const after = await today();
    expect(after.tracks.map(({ track }) => track.id)).toEqual(idsAfter);
    expect(await rows.nth(0).getByTestId('reason').count()).toBe(1);

    // Playing from the list is reported as played from the daily picks.
    await page.getByTestId('daily-play-all').click();
    const secondTitle = (await rows.nth(1).locator('.track-title').textContent())!;
    await expect
      .poll(() => page.getByTestId('player-title').textContent())
      .toBe(await rows.nth(0).locator('.track-title').textContent());
    await waitForAudioTime(page, 0.5);
    await page.getByTestId('next-track').click();
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(secondTitle);
    await expect.poll(() => reportedSources, { timeout: 20_000 }).toContain('daily');
    // Private FM: play, then trash the song; the player moves on at once.
    await page.getByRole('link', { name: '私人FM' }).first().click();
    await page.waitForURL('**/fm');
    await page.getByTestId('fm-play').click();
    const fmTitle = page.getByTestId('fm-title');
    await expect.poll(() => fmTitle.locator('a').count(), { timeout: 15_000 }).toBe(1);
    const binnedTitle = (await fmTitle.textContent())!;
    const binnedId = (await fmTitle.locator('a').getAttribute('href'))!.split('/').pop()!;
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(binnedTitle);
    await waitForAudioTime(page, 0.3);
    await shot(page, 'fm');
    await page.getByTestId('fm-trash').click();
    await expect.poll(() => fmTitle.textContent()).not.toBe(binnedTitle);
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(await fmTitle.textContent());
    await waitForAudioTime(page, 0.3);
    expect(await page.getByTestId('toast').textContent()).toContain('不会再为你播放');
    // The trashed song is in none of the next batches.
    for (let batch = 0; batch < 4; batch++) {
      const next = (await me.api.GET('/api/v1/recommend/fm', { params: { query: { count: 10 } } })).data!
        .data;
      expect(next.tracks.length).toBeGreaterThan(0);
      expect(next.tracks.map(({ track }) => track.id)).not.toContain(binnedId);
    }
    // The mode is remembered.
    await page.getByTestId('fm-mode-discovery').click();
    await expect.poll(() => page.getByTestId('fm-mode-discovery').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await me.api.GET('/api/v1/me/taste')).data?.data.fmMode).toBe('discovery');

    // A playlist: more songs like its songs, none of them already in it.
    const lanterns = (
      await me.api.GET('/api/v1/tracks', { params: { query: { limit: 50 } } })
    ).data!.data.filter((track) => track.genre === GENRE);
    const mix = (await me.api.POST('/api/v1/playlists', { body: { name: '独立摇滚' } })).data!.data;
    await me.api.POST('/api/v1/playlists/{id}/tracks', {
      params: { path: { id: mix.id } },
      body: { trackIds: lanterns.slice(0, 2).map((track) => track.id) },
    });
    await page.goto(`/playlists/${mix.id}`);
    const moreLike = page.getByTestId('more-like-playlist');
    await expect.poll(() => moreLike.getByTestId('suggested-track').count()).toBeGreaterThan(0);
    const moreTitles = await moreLike.locator('.compact-track-title').allTextContents();
    const [inList, notInList] = [lanterns.slice(0, 2), lanterns.slice(2)];
    for (const track of inList) expect(moreTitles).not.toContain(track.title);
    // The rest of the album (but the song binned in FM) is what the playlist is like.
    const expected = notInList.filter((track) => track.id !== binnedId).map((track) => track.title);
    expect(expected.length).toBeGreaterThan(0);
    for (const title of expected) expect(moreTitles).toContain(title);
    expect(await page.getByTestId('track-row').count()).toBe(2);
    // A suggestion plays at once.
    await moreLike.getByRole('button', { name: `播放《${expected[0]!}》` }).click();
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(expected[0]);

    // Sharing a song from its page: this browser has no share sheet, so the link is copied and the
    // share counted (the recommender reads it as a +2 signal).
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const song = (await me.api.GET('/api/v1/tracks', { params: { query: { limit: 1 } } })).data!.data[0]!;
    await page.goto(`/tracks/${song.id}`);
    await page.getByTestId('share-button').first().click();
    await page.getByText('链接已复制').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${server.url}/tracks/${song.id}`);
    await expect
      .poll(
        async () =>
          (await me.api.GET('/api/v1/tracks/{id}/shares', { params: { path: { id: song.id } } })).data?.data
            .shareCount,
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId('share-count').first().textContent()).toBe('1');

    // An artist's page: similar artists (a featured singer shares the genre), and "don't recommend".
    const artists = (await me.api.GET('/api/v1/artists', { params: { query: { limit: 50 } } })).data!.data;
    const neonHarbor = artists.find((artist) => artist.name === 'Neon Harbor')!;
    await page.goto(`/artists/${neonHarbor.id}`);
    const similar = page.getByTestId('similar-artists');
    await expect.poll(() => similar.getByTestId('artist-card').count()).toBeGreaterThan(0);
    expect(await similar.textContent()).toContain('Mira Vale');
    await similar.scrollIntoViewIfNeeded();
    await shot(page, 'artist-similar');
    await page.getByTestId('block-artist').click();
    await expect.poll(() => page.getByTestId('block-artist').getAttribute('aria-pressed')).toBe('true');
    const blocked = async () =>
      (await me.api.GET('/api/v1/me/blocked-artists')).data!.data.map((artist) => artist.id);
    expect(await blocked()).toEqual([neonHarbor.id]);

    // The profile: blocked artists (and unblocking), and resetting the taste.
    await page.goto('/me');
    const entry = page.getByTestId('blocked-artist');
    await expect.poll(() => entry.textContent()).toContain('Neon Harbor');
    await entry.scrollIntoViewIfNeeded();
    await shot(page, 'recommend-settings');
    await entry.getByRole('button', { name: '恢复推荐 Neon Harbor' }).click();
    await entry.waitFor({ state: 'detached' });
    expect(await blocked()).toEqual([]);
    await page.getByTestId('taste-reset').click();
    await page.getByRole('dialog').getByRole('button', { name: '重置', exact: true }).click();
    await expect.poll(async () => (await me.api.GET('/api/v1/me/taste')).data?.data.onboardedAt).toBeNull();
    await page.getByRole('link', { name: '发现音乐' }).click();
    await page.getByTestId('onboarding-card').waitFor();

    // English too.
    await page.getByTestId('language-toggle').click();
    await page.goto('/daily');
    await expect.poll(() => page.locator('.detail-title').textContent()).toBe('Daily Recommendations');
    await expect.poll(() => page.getByTestId('reason').first().textContent()).toMatch(/^Popular in /);

    // On a phone the daily list keeps to the screen's width.
    const phone = await phoneContext(browser, server.url, await context.storageState());
    const mobile = await phone.newPage();
    await mobile.goto('/daily');
    await expect.poll(() => mobile.getByTestId('daily-row').count()).toBeGreaterThan(0);
    expect(await horizontalOverflow(mobile)).toBe(0);
    await screenshot(mobile, 'daily', 'phone');
    await phone.close();

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
