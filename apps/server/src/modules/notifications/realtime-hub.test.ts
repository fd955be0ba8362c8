import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../platform/logger.ts';
import { RealtimeHub, type RealtimeSocket } from './realtime-hub.ts';

const logger = { warn: vi.fn(), debug: vi.fn() } as unknown as Logger;

class FakeSocket extends EventEmitter implements RealtimeSocket {
  readyState = 1;
  sent: unknown[] = [];
  pings = 0;
  terminated = false;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
    this.emit('close');
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
}

/** One pub/sub bus shared by the "instances", like a Redis server. */
function fakeRedis(bus: EventEmitter): Redis {
  return {
    publish: async (channel: string, message: string) => {
      bus.emit('message', channel, message);
      return 1;
    },
    duplicate: () => {
      const subscriber = new EventEmitter();
      const forward = (channel: string, message: string) => subscriber.emit('message', channel, message);
      return Object.assign(subscriber, {
        subscribe: async () => bus.on('message', forward),
        disconnect: () => bus.off('message', forward),
      });
    },
  } as unknown as Redis;
}

const hubs: RealtimeHub[] = [];
const hub = (options: Partial<ConstructorParameters<typeof RealtimeHub>[0]> = {}) => {
  const made = new RealtimeHub({ logger, ...options });
  hubs.push(made);
  return made;
};

afterEach(async () => {
  vi.useRealTimers();
  for (const h of hubs.splice(0)) await h.close();
});

describe('RealtimeHub', () => {
  it('delivers to every open socket of the user and to no one else', async () => {
    const h = hub();
    const [tab1, tab2, other] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    h.add('alice', tab1);
    h.add('alice', tab2);
    h.add('bob', other);
    await h.publish('alice', { type: 'unread', unread: 3 });
    expect(tab1.sent).toEqual([{ type: 'unread', unread: 3 }]);
    expect(tab2.sent).toEqual([{ type: 'unread', unread: 3 }]);
    expect(other.sent).toEqual([]);
  });

  it('forgets closed sockets', async () => {
    const h = hub();
    const tab = new FakeSocket();
    h.add('alice', tab);
    tab.close();
    expect(h.connections('alice')).toBe(0);
    await h.publish('alice', { type: 'unread', unread: 1 });
    expect(tab.sent).toEqual([]);
  });

  it('pings, and drops a socket that did not answer the previous ping', () => {
    vi.useFakeTimers();
    const h = hub({ pingIntervalMs: 1000 });
    const [lively, dead] = [new FakeSocket(), new FakeSocket()];
    h.add('alice', lively);
    h.add('alice', dead);
    vi.advanceTimersByTime(1000);
    expect([lively.pings, dead.pings]).toEqual([1, 1]);
    lively.emit('pong');
    vi.advanceTimersByTime(1000);
    expect(dead.terminated).toBe(true);
    expect(lively.terminated).toBe(false);
    expect(h.connections('alice')).toBe(1);
  });

  it('with Redis, reaches the user’s sockets on every instance', async () => {
    const bus = new EventEmitter();
    const [one, two] = [hub({ redis: fakeRedis(bus) }), hub({ redis: fakeRedis(bus) })];
    await new Promise((resolve) => setImmediate(resolve)); // let both subscribe
    const [onOne, onTwo] = [new FakeSocket(), new FakeSocket()];
    one.add('alice', onOne);
    two.add('alice', onTwo);
    await one.publish('alice', { type: 'unread', unread: 2 });
    expect(onOne.sent).toEqual([{ type: 'unread', unread: 2 }]);
    expect(onTwo.sent).toEqual([{ type: 'unread', unread: 2 }]);
  });

  it('falls back to local delivery when Redis is down', async () => {
    const broken = {
      publish: async () => {
        throw new Error('ECONNREFUSED');
      },
      duplicate: () =>
        Object.assign(new EventEmitter(), { subscribe: async () => 1, disconnect: () => undefined }),
    } as unknown as Redis;
    const h = hub({ redis: broken });
    const tab = new FakeSocket();
    h.add('alice', tab);
    await h.publish('alice', { type: 'unread', unread: 1 });
    expect(tab.sent).toEqual([{ type: 'unread', unread: 1 }]);
  });
});
