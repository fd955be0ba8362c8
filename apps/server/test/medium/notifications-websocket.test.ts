import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SESSION_COOKIE } from '../../src/http/auth-context.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { aTrack, type BuiltTrack } from '../factories/catalog.ts';
import { socialApp, somePeople, type SocialApp, type TestUser } from '../factories/comments.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The real-time channel on a real port: every tab of the right user hears, nobody else does. */

let database: TestDatabase;
let social: SocialApp;
let base: string;
let host: string;
let alice: TestUser;
let bob: TestUser;
let track: BuiltTrack;
const clock = fixedClock(new Date('2026-11-22T10:00:00.000Z'));
const open: WebSocket[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const people = somePeople(database.db);
  alice = await people.user('alice');
  bob = await people.user('bob');
  track = await aTrack().build(database.db);
  social = await socialApp(database.db, people.sessions, clock);
  await social.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = social.app.server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  base = `http://${host}`;
});

afterAll(async () => {
  for (const socket of open) socket.terminate();
  await social?.app.close();
  await database?.drop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Tab {
  socket: WebSocket;
  messages: Json[];
  /** the next message not yet taken, waiting for it if need be */
  next(): Promise<Json>;
}

/** Opens a socket and resolves once the server says it is ready (or rejects with the HTTP status). */
function connect(headers: Record<string, string>): Promise<Tab> {
  const socket = new WebSocket(`ws://${host}/api/v1/ws`, { headers });
  open.push(socket);
  const messages: Json[] = [];
  const waiting: ((m: Json) => void)[] = [];
  let taken = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Json;
    messages.push(message);
    waiting.shift()?.(message);
  });
  const tab: Tab = {
    socket,
    messages,
    next: () => {
      const ready = messages[taken];
      taken++;
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no message within 5 s')), 5000);
        waiting.push((m) => (clearTimeout(timer), resolve(m)));
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => {
      reject(Object.assign(new Error(`HTTP ${response.statusCode}`), { status: response.statusCode }));
      socket.terminate();
    });
    socket.once('error', reject);
    tab.next().then((first) => {
      expect(first.type).toBe('ready');
      resolve(tab);
    }, reject);
  });
}

async function post(user: TestUser, body: string, parentId?: string): Promise<Json> {
  clock.advance(1000);
  const response = await fetch(`${base}/api/v1/comments`, {
    method: 'POST',
    headers: { ...user.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ targetType: 'track', targetId: track.id, body, parentId }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as Json).data;
}

describe('GET /api/v1/ws', () => {
  it('pushes a reply to every open tab of its recipient and to no one else', async () => {
    const top = await post(alice, 'my comment');
    const [tab1, tab2, bobsTab] = await Promise.all([
      connect(alice.headers),
      connect(alice.headers),
      connect(bob.headers),
    ]);
    expect(social.notifications.hub.connections(alice.id)).toBe(2);

    const reply = await post(bob, 'a reply', top.id);
    for (const tab of [tab1, tab2]) {
      const message = await tab.next();
      expect(message).toMatchObject({
        type: 'notification',
        unread: 1,
        notification: { kind: 'reply', read: false, comment: { id: reply.id }, actors: [{ id: bob.id }] },
      });
    }

    // Bob heard nothing of it: the next thing he hears is about his own comment.
    await post(alice, 'answering you', reply.id);
    const bobsNext = await bobsTab.next();
    expect(bobsNext).toMatchObject({ type: 'notification', notification: { kind: 'reply' } });
    expect(bobsTab.messages.map((m) => m.type)).toEqual(['ready', 'notification']);
  });

  it('tells the other tabs the unread count when notifications are read', async () => {
    const [tab1, tab2] = await Promise.all([connect(alice.headers), connect(alice.headers)]);
    const response = await fetch(`${base}/api/v1/notifications/read`, {
      method: 'POST',
      headers: { ...alice.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
    });
    expect(await response.json()).toEqual({ unread: 0 });
    for (const tab of [tab1, tab2]) expect(await tab.next()).toEqual({ type: 'unread', unread: 0 });
  });

  it('greets with the unread count', async () => {
    const top = await post(bob, 'another');
    await post(alice, 'reply', top.id);
    const tab = await connect(bob.headers);
    expect(tab.messages[0]).toEqual({ type: 'ready', unread: (await unreadOf(bob)) as number });
  });

  it('refuses an upgrade without a session (401)', async () => {
    await expect(connect({})).rejects.toMatchObject({ status: 401 });
    await expect(connect({ authorization: 'Bearer wrong' })).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a cross-site upgrade, even with the session cookie (403), and accepts this site', async () => {
    const cookie = `${SESSION_COOKIE}=${alice.headers.authorization!.slice('Bearer '.length)}`;
    await expect(connect({ cookie, origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    await expect(connect({ cookie, origin: 'null' })).rejects.toMatchObject({ status: 403 });
    await expect(
      connect({ ...alice.headers, origin: `http://evil.example:${host.split(':')[1]}` }),
    ).rejects.toMatchObject({ status: 403 });
    const tab = await connect({ cookie, origin: base });
    expect(tab.messages[0]!.type).toBe('ready');
  });

  it('forgets a tab once it closes', async () => {
    const lonely = await connect(bob.headers);
    const before = social.notifications.hub.connections(bob.id);
    await new Promise<void>((resolve) => {
      lonely.socket.once('close', () => resolve());
      lonely.socket.close();
    });
    await expect.poll(() => social.notifications.hub.connections(bob.id)).toBe(before - 1);
  });
});

async function unreadOf(user: TestUser): Promise<number> {
  const response = await fetch(`${base}/api/v1/notifications`, { headers: user.headers });
  return ((await response.json()) as Json).unread;
}
