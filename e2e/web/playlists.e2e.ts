import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
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
 * Playlists, likes, listening and charts in a real browser against the real server: a listener
 * makes a playlist, fills it with "add to playlist", reorders it by dragging (and by keyboard),
 * likes a song and finds it in 我喜欢的音乐, plays the playlist until the play counts, and sees
 * it in the history, the charts and their own ranking; another listener's private playlist is
 * not found, their public one can be collected. Every change is checked through the API too.
 * Screenshots go to test-results/screenshots/.
 */

const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'correct horse battery';

let server: TestServer;
let browser: Browser;
let library: DemoTrackInfo[];

let stage: WebStage;

beforeAll(async () => {
  stage = await startWebStage({ tracks: 6, durationScale: 0.1 });
  server = stage.server;
  browser = stage.browser;
  library = stage.library;
}, 240_000);

afterAll(async () => {
  await stage?.stop();
});

const shot = (page: Page, name: string) => screenshot(page, name, 'desktop');

/** An API session of its own for a user, to set things up and to check what the UI did. */
async function apiAs(username: string, register: boolean): Promise<BrowserLikeClient> {
  const client = browserLikeClient(server.url);
  const result = register
    ? await client.api.POST('/api/v1/auth/register', {
        body: { username, password: PASSWORD, nickname: username },
      })
    : await client.api.POST('/api/v1/auth/login', { body: { username, password: PASSWORD } });
  expect(result.response.ok).toBe(true);
  return client;
}

async function trackIdsOf(client: BrowserLikeClient, playlistId: string): Promise<string[]> {
  const { data } = await client.api.GET('/api/v1/playlists/{id}', { params: { path: { id: playlistId } } });
  return data?.data.tracks.map((track) => track.id) ?? [];
}

describe('playlists, likes, listening and charts', () => {
  it('makes, fills, reorders, likes, plays and finds it all again', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', baseURL: server.url });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Someone else already has a public playlist with a song, and a private one.
    const other = await apiAs('other', true);
    const [first] =
      (await other.api.GET('/api/v1/tracks', { params: { query: { limit: 1 } } })).data?.data ?? [];
    const shared = (
      await other.api.POST('/api/v1/playlists', { body: { name: '别人的公开歌单', tags: ['mandarin'] } })
    ).data!.data;
    await other.api.POST('/api/v1/playlists/{id}/tracks', {
      params: { path: { id: shared.id } },
      body: { trackIds: [first!.id] },
    });
    const secret = (
      await other.api.POST('/api/v1/playlists', { body: { name: '别人的秘密歌单', visibility: 'private' } })
    ).data!.data;

    // Register in the browser.
    await page.goto('/register');
    await page.locator('input[name="username"]').fill('curator');
    await page.locator('input[name="nickname"]').fill('策展人');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/');
    const me = await apiAs('curator', false);

    // The home page recommends the public playlist; the square lists it under its tag.
    await expect
      .poll(() => page.getByTestId('recommended-playlists').textContent())
      .toContain('别人的公开歌单');
    await page.getByRole('link', { name: '歌单广场' }).click();
    await page.getByTestId('square-tag').filter({ hasText: '华语' }).click();
    await expect.poll(() => new URL(page.url()).search).toContain('tag=mandarin');
    await expect.poll(() => page.getByTestId('playlist-card').count()).toBe(1);
    await shot(page, 'playlist-square');

    // A new playlist from the sidebar.
    await page.getByTestId('sidebar-new-playlist').click();
    await page.locator('input[name="playlist-name"]').fill('通勤路上');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.waitForURL('**/playlists/*');
    const playlistId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByTestId('playlist-name').textContent()).toBe('通勤路上');
    await expect
      .poll(() => page.getByTestId('sidebar-playlist').filter({ hasText: '通勤路上' }).count())
      .toBe(1);

    // Three songs go in through "add to playlist" on the songs page, in this order.
    const picks = library.slice(0, 3);
    await page.getByRole('link', { name: '全部歌曲' }).click();
    for (const pick of picks) {
      const row = page.getByTestId('track-row').filter({ hasText: pick.title });
      await row.getByRole('button', { name: '收藏到歌单' }).click();
      if (pick === picks[0]) {
        await page.getByTestId('pick-playlist').first().waitFor();
        await shot(page, 'add-to-playlist');
      }
      await page.getByTestId('pick-playlist').filter({ hasText: '通勤路上' }).click();
      await expect.poll(() => page.getByTestId('toast').textContent()).toContain('通勤路上');
      await page.getByTestId('toast').waitFor({ state: 'detached' });
    }
    const all = (await me.api.GET('/api/v1/tracks', { params: { query: { limit: 50 } } })).data?.data ?? [];
    const idOf = (title: string) => all.find((track) => track.title === title)!.id;
    const [a, b, c] = picks.map((pick) => idOf(pick.title));
    expect(await trackIdsOf(me, playlistId)).toEqual([a, b, c]);

    // Drag the first song below the third: B, C, A.
    await page.getByTestId('sidebar-playlist').filter({ hasText: '通勤路上' }).click();
    const rows = page.getByTestId('track-row');
    await expect.poll(() => rows.count()).toBe(3);
    const handle = (await rows.nth(0).locator('.track-handle').boundingBox())!;
    const third = (await rows.nth(2).boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, third.y + third.height * 0.9, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => rows.nth(2).textContent()).toContain(picks[0]!.title);
    await expect.poll(() => trackIdsOf(me, playlistId)).toEqual([b, c, a]);

    // And by keyboard: the handle of the first row, arrow down: C, B, A.
    await rows.nth(0).locator('.track-handle').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => trackIdsOf(me, playlistId)).toEqual([c, b, a]);
    await expect.poll(() => rows.nth(0).textContent()).toContain(picks[2]!.title);

    // Describe and tag it (at most three tags); the owner sees their edits.
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await page.locator('textarea[name="description"]').fill('<b>上班</b>路上听');
    for (const tag of ['华语', '流行', '清晨'])
      await page.getByRole('button', { name: tag, exact: true }).click();
    await expect(page.getByRole('button', { name: '摇滚', exact: true }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect
      .poll(() => page.locator('.playlist-description').textContent())
      .toContain('<b>上班</b>路上听');
    const saved = (await me.api.GET('/api/v1/playlists/{id}', { params: { path: { id: playlistId } } })).data!
      .data;
    expect(saved.tags).toEqual(['mandarin', 'pop', 'morning']);

    // Like the (now) second song; it is first in 我喜欢的音乐.
    const likeB = rows.nth(1).getByTestId('like-button');
    await likeB.click();
    await expect.poll(() => likeB.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await me.api.GET('/api/v1/me/likes')).data?.data.map((track) => track.id))
      .toEqual([b]);
    await page.getByRole('link', { name: '我喜欢的音乐' }).first().click();
    await page.waitForURL('**/likes');
    await expect.poll(() => page.getByTestId('track-row').count()).toBe(1);
    expect(await page.getByTestId('track-row').textContent()).toContain(picks[1]!.title);
    await shot(page, 'liked-songs');

    // Play the playlist until the first song counts as a play, then skip.
    await page.getByTestId('sidebar-playlist').filter({ hasText: '通勤路上' }).click();
    await shot(page, 'playlist');
    await page.getByRole('button', { name: '播放全部' }).click();
    const firstSong = picks[2]!;
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(firstSong.title);
    await waitForAudioTime(page, firstSong.durationSec * 0.55 + 0.5, 60_000);
    await page.getByTestId('next-track').click();
    await expect.poll(() => page.getByTestId('player-title').textContent()).toBe(picks[1]!.title);

    // The events reached the server: history, the playlist's play count.
    const history = async (kind: 'tracks' | 'playlists') =>
      (await me.api.GET('/api/v1/me/history', { params: { query: { kind } } })).data?.data ?? [];
    await expect
      .poll(
        async () => (await history('tracks')).map((item) => (item.kind === 'track' ? item.track.id : null)),
        {
          timeout: 15_000,
        },
      )
      .toContain(c);
    expect(
      (await history('playlists')).map((item) => (item.kind === 'playlist' ? item.playlist.id : null)),
    ).toEqual([playlistId]);
    await expect
      .poll(
        async () =>
          (await me.api.GET('/api/v1/playlists/{id}', { params: { path: { id: playlistId } } })).data?.data
            .playCount,
      )
      .toBe(1);
    await page.getByTestId('play-pause').click();

    // The history page shows it, by song and by playlist.
    await page.getByRole('link', { name: '最近播放' }).click();
    await expect.poll(() => page.getByTestId('track-row').first().textContent()).toContain(picks[1]!.title);
    await page.getByTestId('history-tab-playlists').click();
    await expect.poll(() => page.getByTestId('playlist-card').textContent()).toContain('通勤路上');

    // The charts: refreshed now, the counted song is new on the Hot chart; Original is not open yet.
    await server.server.context.scheduler.runNow('charts.refresh');
    await page.getByRole('link', { name: '排行榜' }).click();
    await expect.poll(() => page.getByTestId('chart-card').count()).toBe(4);
    await expect
      .poll(() => page.getByTestId('chart-card').last().textContent())
      .toContain('原创榜将在音乐人入驻后开放');
    await shot(page, 'charts');
    await page.getByRole('link', { name: '热歌榜' }).first().click();
    await page.waitForURL('**/charts/hot');
    const entry = page.getByTestId('track-row').filter({ hasText: firstSong.title });
    await expect.poll(() => entry.getByTestId('chart-movement').getAttribute('aria-label')).toBe('新上榜');
    await shot(page, 'chart');

    // My profile: both playlists, and the ranking of the week with the counted song.
    await page.goto(`/users/${(await me.api.GET('/api/v1/me')).data!.data.id}`);
    await expect.poll(() => page.getByTestId('ranking-row').first().textContent()).toContain(firstSong.title);
    await shot(page, 'user');
    await page.getByRole('switch', { name: '不让别人看到我的听歌排行' }).click();
    await expect.poll(() => page.getByText('听歌排行已隐藏，只有你自己能看到').count()).toBe(1);
    const meId = (await me.api.GET('/api/v1/me')).data!.data.id;
    const hidden = await other.api.GET('/api/v1/users/{id}/ranking', { params: { path: { id: meId } } });
    expect(hidden.response.status).toBe(403);

    // Someone else's private playlist is simply not there; their public one can be collected.
    await page.goto(`/playlists/${secret.id}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('找不到这个内容');
    await page.goto(`/playlists/${shared.id}`);
    await page.getByTestId('subscribe').click();
    await expect.poll(() => page.getByTestId('subscribe').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.getByTestId('sidebar-playlist').filter({ hasText: '别人的公开歌单' }).count())
      .toBe(1);
    const subscribers = await other.api.GET('/api/v1/playlists/{id}/subscribers', {
      params: { path: { id: shared.id } },
    });
    expect(subscribers.data?.data.map((person) => person.username)).toEqual(['curator']);

    // A cover of my own, then back to the automatic one.
    const header = async () =>
      (await me.api.GET('/api/v1/playlists/{id}', { params: { path: { id: playlistId } } })).data!.data;
    await page.goto(`/playlists/${playlistId}`);
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#ec4141' } })
      .png()
      .toBuffer();
    await page
      .getByTestId('cover-input')
      .setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png });
    await expect.poll(async () => (await header()).coverUploaded).toBe(true);
    const uploaded = (await header()).coverUrl;
    await page.getByRole('button', { name: '使用自动封面' }).click();
    await expect.poll(async () => (await header()).coverUploaded).toBe(false);
    expect((await header()).coverUrl).not.toBe(uploaded);

    // Deleting asks first, then the playlist is gone.
    const scratch = (await me.api.POST('/api/v1/playlists', { body: { name: '临时歌单' } })).data!.data;
    await page.goto(`/playlists/${scratch.id}`);
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    const gone = await me.api.GET('/api/v1/playlists/{id}', { params: { path: { id: scratch.id } } });
    expect(gone.response.status).toBe(404);

    // English too.
    await page.getByTestId('language-toggle').click();
    await expect
      .poll(() => page.getByTestId('recommended-playlists').textContent())
      .toContain('Recommended playlists');

    // On a phone the playlist's rows keep to the screen's width.
    const phone = await phoneContext(browser, server.url, await context.storageState());
    const mobile = await phone.newPage();
    await mobile.goto(`/playlists/${playlistId}`);
    await expect.poll(() => mobile.getByTestId('track-row').count()).toBe(3);
    expect(await horizontalOverflow(mobile)).toBe(0);
    await screenshot(mobile, 'playlist', 'phone');
    await phone.close();

    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
