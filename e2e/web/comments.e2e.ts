import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserLikeClient, type BrowserLikeClient } from '../support/browser-like-client.ts';
import type { TestServer } from '../support/harness.ts';
import {
  startWebStage,
  type WebStage,
  screenshot,
  phoneContext,
  horizontalOverflow,
} from '../support/web-stage.ts';

/*
 * Comments, notifications and moderation in real browsers against the real server. Alice
 * comments on a song with an XSS payload and an @mention (it stays text); Bob, in another
 * browser, likes, hugs and replies in the thread, and mentions her on the album; Alice's bell
 * counts up without a reload, her notifications group the likes, she answers in the thread,
 * marks everything read and deletes her comment (the replies stay). Bob reports her reply and
 * the moderator removes it from /moderation. A lyric line's comment shows as a bubble in the
 * now-playing lyrics. Screenshots go to test-results/screenshots/.
 */

const DESKTOP = { width: 1280, height: 860 };
const PASSWORD = 'correct horse battery';
const XSS = '<img src=x onerror=alert(1)>';

let server: TestServer;
let browser: Browser;

let stage: WebStage;

beforeAll(async () => {
  stage = await startWebStage({ tracks: 3, durationScale: 0.2 });
  server = stage.server;
  browser = stage.browser;
}, 240_000);

afterAll(async () => {
  await stage?.stop();
});

const shot = (page: Page, name: string) => screenshot(page, name, 'desktop');

/** Registers through the API (the first account becomes the admin) and keeps that session. */
async function register(username: string, nickname: string): Promise<BrowserLikeClient> {
  const client = browserLikeClient(server.url);
  const result = await client.api.POST('/api/v1/auth/register', {
    body: { username, password: PASSWORD, nickname, locale: 'zh-CN' },
  });
  expect(result.response.ok).toBe(true);
  return client;
}

interface Tab {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** alert/confirm/prompt dialogs the page opened (an executed XSS payload would show here) */
  dialogs: string[];
}

/** A browser of its own, signed in through the login page. */
async function signIn(username: string): Promise<Tab> {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', baseURL: server.url });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe('/');
  return { context, page, errors, dialogs };
}

/** Things set on `window` survive only as long as the page is not reloaded. */
interface Marked {
  stillSamePage?: boolean;
}

describe('comments, notifications and moderation', () => {
  it('comments, replies, reacts, notifies in real time, deletes, reports and removes', async () => {
    // The moderator registers first: the first account is the admin, who counts as staff.
    const warden = await register('warden', '守望者');
    const alice = await register('alice', '爱丽丝');
    const bob = await register('bob', '鲍勃');
    const carol = await register('carol', '卡萝');
    const ids = async (client: BrowserLikeClient) => (await client.api.GET('/api/v1/me')).data!.data.id;
    const bobId = await ids(bob);
    const tracks = (await alice.api.GET('/api/v1/tracks', { params: { query: { limit: 10 } } })).data!.data;
    const track = tracks.find((candidate) => candidate.hasLyrics && candidate.album)!;
    expect(track, 'the demo library has a song with lyrics on an album').toBeDefined();
    const comments = (client: BrowserLikeClient, sort: 'new' | 'hot' = 'new') =>
      client.api
        .GET('/api/v1/comments', { params: { query: { targetType: 'track', targetId: track.id, sort } } })
        .then((result) => result.data!);

    // ---- Alice comments on the song page: an XSS payload, an @mention, an emoji, a link.
    const a = await signIn('alice');
    await a.page.goto(`/tracks/${track.id}`);
    await expect.poll(() => a.page.getByTestId('track-title').textContent()).toBe(track.title);
    await expect.poll(() => a.page.getByTestId('comments-new').textContent()).toContain('还没有评论');
    const text = `好听😭 ${XSS} @bob 看 https://example.com/<b>x</b>`;
    const composer = a.page.getByTestId('comments').getByTestId('comment-composer').first();
    await composer.locator('textarea').fill(text);
    // Code points, as the server counts them: the emoji is one.
    await expect
      .poll(() => composer.getByTestId('comment-counter').textContent())
      .toBe(`${Array.from(text).length}/1000`);
    // A double click makes one comment (the button locks, and both carry the same key).
    await composer.getByTestId('comment-submit').dblclick();
    const mine = a.page.getByTestId('comments-new').getByTestId('comment').filter({ hasText: '好听😭' });
    await expect.poll(() => mine.count()).toBe(1);
    await expect.poll(() => a.page.getByTestId('comment-total').textContent()).toBe('共 1 条评论');
    expect((await comments(alice)).total).toBe(1);
    const commentId = (await comments(alice)).data[0]!.id;
    // The payload is text: no image element, no alert; the mention links to Bob.
    expect(await mine.getByTestId('comment-body').textContent()).toBe(text);
    expect(await a.page.locator('img[src="x"]').count()).toBe(0);
    expect(await mine.locator('a.comment-mention').getAttribute('href')).toBe(`/users/${bobId}`);
    expect(await mine.locator('a[href^="https://"]').count()).toBe(0);
    // Alice's tab stays open from here; a reload would lose this mark.
    await a.page.evaluate(() => {
      (globalThis as Marked).stillSamePage = true;
    });
    expect(await a.page.getByTestId('notification-count').count()).toBe(0);

    // ---- Bob, in another browser, finds it under 最新评论, likes it, hugs it and replies.
    const b = await signIn('bob');
    await b.page.goto(`/tracks/${track.id}`);
    const newest = b.page.getByTestId('comments-new');
    await expect.poll(() => newest.locator('.comments-block-title').textContent()).toBe('最新评论');
    const item = newest.getByTestId('comment-item').filter({ hasText: '好听😭' });
    const theirs = item.getByTestId('comment').first();
    await expect.poll(() => theirs.getByTestId('comment-body').textContent()).toBe(text);
    expect(await b.page.locator('img[src="x"]').count()).toBe(0);

    const like = theirs.getByTestId('comment-like');
    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => theirs.getByTestId('comment-like-count').textContent()).toBe('1');
    await expect.poll(async () => (await comments(bob)).data[0]!.likeCount).toBe(1);
    // Liked, it rises into 精彩评论 above the newest.
    await expect.poll(() => b.page.getByTestId('comments-hot').textContent()).toContain('好听😭');

    const hug = theirs.getByTestId('comment-hug');
    await hug.click();
    await expect.poll(() => hug.getAttribute('aria-pressed')).toBe('true');
    expect(await hug.isDisabled()).toBe(true);
    // The hug is private: Bob sees no count, Alice (the author) does.
    expect((await comments(bob)).data[0]!.hugCount).toBeNull();
    expect((await comments(alice)).data[0]!.hugCount).toBe(1);

    await theirs.getByTestId('comment-reply').click();
    const thread = item.getByTestId('comment-thread');
    await thread.locator('textarea').fill('抱抱你，这首歌我也很喜欢');
    await thread.getByTestId('comment-submit').click();
    const bobsReply = thread.getByTestId('comment').filter({ hasText: '抱抱你' });
    await expect.poll(() => bobsReply.count()).toBe(1);
    expect(await bobsReply.locator('.comment-floor').textContent()).toBe('1 楼');
    await shot(b.page, 'comments-track');

    // And on the album, Bob mentions Alice.
    await b.page.goto(`/albums/${track.album!.id}`);
    const albumComposer = b.page.getByTestId('comments').getByTestId('comment-composer').first();
    await albumComposer.locator('textarea').fill('@alice 整张专辑都好听');
    await albumComposer.getByTestId('comment-submit').click();
    await expect
      .poll(() => b.page.getByTestId('comments-new').getByTestId('comment').first().textContent())
      .toContain('整张专辑都好听');

    // ---- Alice's bell counts up while her page sits there: like, hug, reply, mention.
    await expect
      .poll(() => a.page.getByTestId('notification-count').textContent(), { timeout: 15_000 })
      .toBe('4');
    // Two more people like it: still one (grouped) notification.
    for (const other of [warden, carol])
      await other.api.POST('/api/v1/comments/{id}/like', { params: { path: { id: commentId } } });
    await expect.poll(async () => (await comments(alice)).data[0]!.likeCount).toBe(3);
    expect(await a.page.evaluate(() => (globalThis as Marked).stillSamePage)).toBe(true);

    await a.page.getByTestId('notification-bell').click();
    await a.page.waitForURL('**/notifications');
    const sentences = a.page.getByTestId('notification-text');
    await expect.poll(() => sentences.count()).toBe(4);
    await expect
      .poll(() => sentences.allTextContents())
      .toEqual(
        expect.arrayContaining([
          '卡萝、守望者 等 3 人赞了你的评论',
          '鲍勃 抱了抱你 🤗',
          '鲍勃 回复了你',
          '鲍勃 在评论里提到了你',
        ]),
      );
    expect(await a.page.getByTestId('notification').filter({ hasText: '提到了你' }).textContent()).toContain(
      '整张专辑都好听',
    );
    await shot(a.page, 'notifications');
    await a.page.getByTestId('language-toggle').click();
    await expect
      .poll(() => sentences.allTextContents())
      .toContain('卡萝, 守望者 and 1 other liked your comment');
    await a.page.getByTestId('language-toggle').click();
    await expect.poll(() => sentences.allTextContents()).toContain('鲍勃 回复了你');

    // Opening one marks it read and goes to the comment.
    await a.page.getByTestId('notification').filter({ hasText: '回复了你' }).click();
    await a.page.waitForURL((url) => url.pathname === `/tracks/${track.id}` && url.hash === '#comments');
    await expect.poll(() => a.page.getByTestId('notification-count').textContent()).toBe('3');

    // Alice answers Bob in the thread, quoting his reply.
    const aliceItem = a.page
      .getByTestId('comments-new')
      .getByTestId('comment-item')
      .filter({ hasText: '好听😭' });
    await aliceItem.getByTestId('comment-replies-toggle').click();
    const aliceThread = aliceItem.getByTestId('comment-thread');
    await aliceThread
      .getByTestId('comment')
      .filter({ hasText: '抱抱你' })
      .getByTestId('comment-reply')
      .click();
    await aliceThread.locator('textarea').fill('谢谢你 @bob ，真的被治愈了');
    await aliceThread.getByTestId('comment-submit').click();
    const aliceReply = aliceThread.getByTestId('comment').filter({ hasText: '真的被治愈了' });
    await expect.poll(() => aliceReply.count()).toBe(1);
    expect(await aliceReply.getByTestId('comment-reply-to').textContent()).toContain('@鲍勃：抱抱你');
    const aliceReplyId = (await aliceReply.getAttribute('data-comment-id'))!;

    // Mark all read: the badge goes.
    await a.page.getByTestId('notification-bell').click();
    await a.page.getByTestId('mark-all-read').click();
    await expect.poll(() => a.page.getByTestId('notification-count').count()).toBe(0);
    expect((await alice.api.GET('/api/v1/notifications')).data!.unread).toBe(0);

    // ---- Alice deletes her comment: it shows as deleted, the replies stay.
    await a.page.goBack();
    await a.page.waitForURL((url) => url.pathname === `/tracks/${track.id}`);
    const gone = a.page.getByTestId('comments-new').getByTestId('comment-item').first();
    await gone.getByTestId('comment').first().getByTestId('comment-delete').click();
    await a.page.getByRole('dialog').getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => gone.getByTestId('comment-gone').textContent()).toBe('该评论已删除');
    await expect.poll(() => gone.getByTestId('comment-replies-toggle').textContent()).toContain('2 条回复');
    const afterDelete = await comments(bob);
    expect(afterDelete.data[0]).toMatchObject({ id: commentId, deleted: true, body: null, author: null });
    const replies = (
      await bob.api.GET('/api/v1/comments/{id}/replies', { params: { path: { id: commentId } } })
    ).data!.data;
    expect(replies.map((reply) => reply.body)).toEqual([
      '抱抱你，这首歌我也很喜欢',
      '谢谢你 @bob ，真的被治愈了',
    ]);
    await shot(a.page, 'comments-deleted');

    // ---- Bob reports Alice's reply; the moderator removes it.
    await b.page.goto(`/tracks/${track.id}`);
    const bobItem = b.page.getByTestId('comments-new').getByTestId('comment-item').first();
    await bobItem.getByTestId('comment-replies-toggle').click();
    const reported = bobItem
      .getByTestId('comment-thread')
      .getByTestId('comment')
      .filter({ hasText: '被治愈' });
    await reported.getByTestId('comment-report').click();
    const reportDialog = b.page.getByRole('dialog');
    await reportDialog.getByLabel('自残或自杀倾向').check();
    await expect.poll(() => reportDialog.locator('.report-care').count()).toBe(1);
    await reportDialog.getByLabel('辱骂或人身攻击').check();
    await reportDialog.locator('textarea[name="detail"]').fill('测试举报');
    await reportDialog.getByTestId('report-submit').click();
    await expect.poll(() => b.page.getByTestId('toast').textContent()).toContain('举报已提交');

    const w = await signIn('warden');
    await w.page.getByTestId('user-menu').click();
    await w.page.getByTestId('moderation-link').click();
    await w.page.waitForURL('**/moderation');
    const report = w.page.getByTestId('report').filter({ hasText: '被治愈' });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.textContent()).toContain('辱骂或人身攻击');
    expect(await report.textContent()).toContain('鲍勃 举报');
    expect(await report.textContent()).toContain('测试举报');
    await shot(w.page, 'moderation');
    await report.getByTestId('report-remove').click();
    await w.page.getByRole('dialog').locator('textarea[name="reason"]').fill('人身攻击（测试）');
    await w.page.getByRole('dialog').getByTestId('reason-confirm').click();
    await expect.poll(() => w.page.getByTestId('report').count()).toBe(0);
    await w.page.getByTestId('moderation-tab-audit').click();
    await expect
      .poll(() => w.page.getByTestId('audit-entry').first().textContent())
      .toContain('守望者 移除了一条评论');
    const removed = (
      await bob.api.GET('/api/v1/comments/{id}/replies', { params: { path: { id: commentId } } })
    ).data!.data.find((reply) => reply.id === aliceReplyId);
    expect(removed).toMatchObject({ deleted: true, status: 'removed', body: null });
    // Staff can also remove a comment where it is, with a reason.
    await w.page.goto(`/albums/${track.album!.id}`);
    const onAlbum = w.page
      .getByTestId('comments-new')
      .getByTestId('comment')
      .filter({ hasText: '整张专辑都好听' });
    await onAlbum.getByTestId('comment-remove').click();
    await w.page.getByRole('dialog').locator('textarea[name="reason"]').fill('测试移除');
    await w.page.getByRole('dialog').getByTestId('reason-confirm').click();
    await expect.poll(() => onAlbum.count()).toBe(0);
    const albumComments = await bob.api.GET('/api/v1/comments', {
      params: { query: { targetType: 'album', targetId: track.album!.id } },
    });
    expect(albumComments.data!.total).toBe(0);

    await b.page.reload();
    const bobItemAgain = b.page.getByTestId('comments-new').getByTestId('comment-item').first();
    await bobItemAgain.getByTestId('comment-replies-toggle').click();
    await expect
      .poll(() => bobItemAgain.getByTestId('comment-thread').getByTestId('comment-gone').textContent())
      .toBe('该评论因违反社区规范已被移除');

    // ---- A lyric line: comment on it from the now-playing lyrics; its bubble counts it.
    await b.page.getByTestId('track-play').click();
    await expect.poll(() => b.page.getByTestId('player-title').textContent()).toBe(track.title);
    await b.page.getByTestId('player-title').click();
    await b.page.waitForURL('**/now-playing');
    const bubble = b.page.getByTestId('lyrics').getByTestId('lyric-comment').nth(1);
    await bubble.click();
    const lyricDialog = b.page.getByRole('dialog');
    const quoted = (await lyricDialog.getByTestId('lyric-quote').textContent())!.replace(/^「|」$/g, '');
    await lyricDialog.locator('textarea').fill('这句唱到心里了');
    await lyricDialog.getByTestId('comment-submit').click();
    await expect
      .poll(() => lyricDialog.getByTestId('comment').first().textContent())
      .toContain('这句唱到心里了');
    await shot(b.page, 'lyric-comments');
    await b.page.keyboard.press('Escape');
    await expect.poll(() => bubble.getByTestId('lyric-comment-count').textContent()).toBe('1');
    expect(await b.page.getByTestId('lyric-comment-count').count()).toBe(1);
    const lyricComments = (
      await bob.api.GET('/api/v1/comments', {
        params: { query: { targetType: 'lyric', targetId: track.id, sort: 'new' } },
      })
    ).data!.data;
    expect(lyricComments[0]).toMatchObject({ quotedLine: quoted, body: '这句唱到心里了' });
    await shot(b.page, 'now-playing-lyric-bubble');
    await b.page.getByTestId('play-pause').last().click();

    // On a phone the song page and its threads keep to the screen's width.
    const phone = await phoneContext(browser, server.url, await b.context.storageState());
    const mobile = await phone.newPage();
    await mobile.goto(`/tracks/${track.id}`);
    const mobileItem = mobile.getByTestId('comments-new').getByTestId('comment-item').first();
    await mobileItem.getByTestId('comment-replies-toggle').click();
    await expect.poll(() => mobileItem.getByTestId('comment-thread').getByTestId('comment').count()).toBe(2);
    expect(await horizontalOverflow(mobile)).toBe(0);
    await mobileItem.scrollIntoViewIfNeeded();
    await screenshot(mobile, 'comments', 'phone');
    await phone.close();

    for (const tab of [a, b, w]) {
      expect(tab.dialogs).toEqual([]);
      expect(tab.errors).toEqual([]);
      await tab.context.close();
    }
  }, 180_000);
});
