import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateDemoLibrary } from '../../apps/server/src/modules/demo/demo-library.ts';
import { ffmpegPath } from '../../apps/server/src/platform/ffmpeg.ts';
import { browserLikeClient, type BrowserLikeClient } from '../support/browser-like-client.ts';
import { startTestServer, type TestServer } from '../support/harness.ts';

/**
 * The community layer end to end, through the generated SDK against the real server: playlists
 * and their privacy, likes, the listening log into history and charts, comments with replies,
 * likes and hugs, notifications pushed over the WebSocket, and the moderation queue.
 */

let server: TestServer;
let libraryDir: string;
let trackIds: string[];
let admin: BrowserLikeClient;
let ann: BrowserLikeClient;
let ben: BrowserLikeClient;
const ids = new Map<BrowserLikeClient, string>();

async function register(username: string): Promise<BrowserLikeClient> {
  const client = browserLikeClient(server.url);
  const result = await client.api.POST('/api/v1/auth/register', {
    body: { username, password: 'correct horse', nickname: username },
  });
  expect(result.response.status).toBe(201);
  ids.set(client, result.data?.user.id ?? '');
  return client;
}

beforeAll(async () => {
  libraryDir = await mkdtemp(path.join(os.tmpdir(), 'resonance-community-e2e-'));
  await generateDemoLibrary(libraryDir, { ffmpegPath: ffmpegPath(), durationScale: 0.1, limit: 4 });
  server = await startTestServer();
  await server.server.context.library.scans.importFolder(libraryDir);
  admin = await register('founder'); // the first account is the admin
  ann = await register('ann');
  ben = await register('ben');
  const tracks = await ann.api.GET('/api/v1/tracks', { params: { query: { limit: 10 } } });
  trackIds = (tracks.data?.data ?? []).map((track) => track.id);
  expect(trackIds.length).toBe(4);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (libraryDir) await rm(libraryDir, { recursive: true, force: true });
});

describe('playlists and privacy', () => {
  it('hides a private playlist from everyone but its owner, and lists the public one', async () => {
    const secret = await ann.api.POST('/api/v1/playlists', {
      body: { name: 'secret', visibility: 'private' },
    });
    const shared = await ann.api.POST('/api/v1/playlists', {
      body: { name: 'night drive', visibility: 'public', tags: ['night', 'driving'] },
    });
    const secretId = secret.data?.data.id ?? '';
    const sharedId = shared.data?.data.id ?? '';
    for (const id of [secretId, sharedId]) {
      const added = await ann.api.POST('/api/v1/playlists/{id}/tracks', {
        params: { path: { id } },
        body: { trackIds: trackIds.slice(0, 3) },
      });
      expect(added.data?.data.trackCount).toBe(3);
    }
    const missing = await ann.api.POST('/api/v1/playlists/{id}/tracks', {
      params: { path: { id: sharedId } },
      body: { trackIds: [randomUUID()] },
    });
    expect(missing.response.status).toBe(400);

    expect(
      (await ben.api.GET('/api/v1/playlists/{id}', { params: { path: { id: secretId } } })).response.status,
    ).toBe(404);
    const comment = await ben.api.POST('/api/v1/comments', {
      body: { targetType: 'playlist', targetId: secretId, body: 'can I see this?' },
    });
    expect(comment.response.status).toBe(404);
    const square = await ben.api.GET('/api/v1/playlists', { params: { query: { sort: 'new' } } });
    expect(square.data?.data.map((p) => p.name)).toEqual(['night drive']);
    const annsLists = await ben.api.GET('/api/v1/users/{id}/playlists', {
      params: { path: { id: ids.get(ann) ?? '' }, query: { kind: 'created' } },
    });
    expect(annsLists.data?.data.map((p) => p.name)).toEqual(['night drive']);

    const subscribed = await ben.api.POST('/api/v1/playlists/{id}/subscription', {
      params: { path: { id: sharedId } },
    });
    expect(subscribed.response.ok).toBe(true);
    const after = await ben.api.GET('/api/v1/playlists/{id}', { params: { path: { id: sharedId } } });
    expect(after.data?.data).toMatchObject({ subscriberCount: 1, subscribed: true });
  });
});

describe('likes, listening, history and charts', () => {
  it('keeps liked songs newest first', async () => {
    for (const id of trackIds.slice(0, 2)) {
      await ben.api.POST('/api/v1/tracks/{id}/like', { params: { path: { id } } });
    }
    const likes = await ben.api.GET('/api/v1/me/likes', {});
    expect(likes.data?.data.map((track) => track.id)).toEqual([trackIds[1], trackIds[0]]);
  });

  it('takes a batch of events, rejects the impossible one alone, ignores a resend, and counts the play', async () => {
    const trackId = trackIds[2] ?? '';
    const track = await ben.api.GET('/api/v1/tracks/{id}', { params: { path: { id: trackId } } });
    const durationMs = track.data?.data.durationMs ?? 0;
    const playbackId = randomUUID();
    const now = Date.now();
    const base = { playbackId, trackId, repeat: false, source: { type: 'search' as const } };
    const events = [
      {
        ...base,
        id: randomUUID(),
        type: 'start' as const,
        at: new Date(now - 60_000).toISOString(),
        positionMs: 0,
        playedMs: 0,
      },
      {
        ...base,
        id: randomUUID(),
        type: 'end' as const,
        at: new Date(now).toISOString(),
        positionMs: durationMs,
        playedMs: durationMs,
        endReason: 'finished' as const,
      },
      {
        ...base,
        id: randomUUID(),
        type: 'progress' as const,
        at: new Date(now).toISOString(),
        positionMs: -5,
        playedMs: 0,
      },
    ];
    const first = await ben.api.POST('/api/v1/listening/events', { body: { events } });
    expect(first.data).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(first.data?.rejected.map((r) => r.index)).toEqual([2]);
    const again = await ben.api.POST('/api/v1/listening/events', { body: { events: events.slice(0, 2) } });
    expect(again.data).toMatchObject({ accepted: 0, duplicates: 2 });

    const history = await ben.api.GET('/api/v1/me/history', { params: { query: { kind: 'tracks' } } });
    expect(JSON.stringify(history.data?.data[0])).toContain(trackId);

    expect(await server.server.context.scheduler.runNow('charts.refresh')).toBe(true);
    const hot = await ben.api.GET('/api/v1/charts/{name}', { params: { path: { name: 'hot' } } });
    expect(JSON.stringify(hot.data?.data.entries)).toContain(trackId);
  });
});

describe('comments and notifications', () => {
  it('pushes a reply to every open tab of the author, stores inert text, and groups likes', async () => {
    const trackId = trackIds[0] ?? '';
    const payload = '<img src=x onerror=alert(1)> 凌晨三点还在听 @ben';
    const posted = await ann.api.POST('/api/v1/comments', {
      body: { targetType: 'track', targetId: trackId, body: payload, idempotencyKey: 'k-1' },
    });
    expect(posted.response.status).toBe(201);
    const repeat = await ann.api.POST('/api/v1/comments', {
      body: { targetType: 'track', targetId: trackId, body: payload, idempotencyKey: 'k-1' },
    });
    expect(repeat.data?.data.id).toBe(posted.data?.data.id);
    const commentId = posted.data?.data.id ?? '';
    expect(posted.data?.data.body).toBe(payload);
    expect(posted.data?.data.mentions.map((m) => m.username)).toEqual(['ben']);

    const cookie = [...ann.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const wsUrl = `${server.url.replace('http', 'ws')}/api/v1/ws`;
    const tabs = [0, 1].map(() => new WebSocket(wsUrl, { headers: { cookie, origin: server.url } }));
    await Promise.all(
      tabs.map((tab) => new Promise((resolve, reject) => tab.once('open', resolve).once('error', reject))),
    );
    const pushed = tabs.map(
      (tab) =>
        new Promise<Record<string, unknown>>((resolve) =>
          tab.on('message', (data) => {
            const message = JSON.parse(String(data)) as Record<string, unknown>;
            if (message.type === 'notification') resolve(message);
          }),
        ),
    );
    const crossSite = new WebSocket(wsUrl, { headers: { cookie, origin: 'https://evil.example' } });
    const refused = await new Promise((resolve) => {
      crossSite.once('open', () => resolve(false));
      crossSite.once('error', () => resolve(true));
      crossSite.once('unexpected-response', () => resolve(true));
    });
    expect(refused).toBe(true);

    const reply = await ben.api.POST('/api/v1/comments', {
      body: { targetType: 'track', targetId: trackId, parentId: commentId, body: '抱抱你' },
    });
    expect(reply.response.status).toBe(201);
    const messages = await Promise.all(pushed);
    for (const message of messages) expect(message.unread).toBeGreaterThanOrEqual(1);
    for (const tab of tabs) tab.close();

    await ben.api.POST('/api/v1/comments/{id}/like', { params: { path: { id: commentId } } });
    await ben.api.POST('/api/v1/comments/{id}/like', { params: { path: { id: commentId } } });
    await admin.api.POST('/api/v1/comments/{id}/like', { params: { path: { id: commentId } } });
    await ben.api.POST('/api/v1/comments/{id}/hug', { params: { path: { id: commentId } } });

    const list = await ben.api.GET('/api/v1/comments', {
      params: { query: { targetType: 'track', targetId: trackId, sort: 'hot' } },
    });
    expect(list.data?.total).toBe(2);
    expect(list.data?.data[0]).toMatchObject({ id: commentId, likeCount: 2, replyCount: 1, liked: true });

    const inbox = await ann.api.GET('/api/v1/notifications', {});
    const kinds = inbox.data?.data.map((n) => n.kind).sort();
    expect(kinds).toEqual(['hug', 'like', 'reply']);
    expect(inbox.data?.data.find((n) => n.kind === 'like')?.actorCount).toBe(2);
    const read = await ann.api.POST('/api/v1/notifications/read', { body: { all: true } });
    expect(read.data?.unread).toBe(0);
    const bensInbox = await ben.api.GET('/api/v1/notifications', {});
    expect(bensInbox.data?.data.map((n) => n.kind)).toContain('mention');
  });

  it('limits posting per user with a 429 and Retry-After', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 15 && !limited; i++) {
      const result = await admin.api.POST('/api/v1/comments', {
        body: { targetType: 'track', targetId: trackIds[3] ?? '', body: `flood ${i}` },
      });
      if (result.response.status === 429) limited = result.response;
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('sends reports to the moderator queue, which listeners cannot read', async () => {
    const target = await ben.api.POST('/api/v1/comments', {
      body: { targetType: 'track', targetId: trackIds[1] ?? '', body: 'buy cheap followers at spam.example' },
    });
    const id = target.data?.data.id ?? '';
    const report = await ann.api.POST('/api/v1/comments/{id}/report', {
      params: { path: { id } },
      body: { reason: 'spam' },
    });
    expect(report.response.ok).toBe(true);
    expect((await ann.api.GET('/api/v1/moderation/reports', {})).response.status).toBe(403);
    const queue = await admin.api.GET('/api/v1/moderation/reports', {});
    expect(JSON.stringify(queue.data)).toContain(id);
  });
});
