import { describe, expect, it } from 'vitest';
import {
  RealtimeConnection,
  realtimeUrl,
  type RealtimeMessage,
  type SocketLike,
} from './realtime-connection.ts';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  close() {
    this.closed = true;
    this.onclose?.({});
  }
  /** the server side */
  open() {
    this.onopen?.({});
  }
  send(data: unknown) {
    this.onmessage?.({ data });
  }
  drop() {
    this.onclose?.({});
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  const connection = new RealtimeConnection({
    url: 'ws://host/api/v1/ws',
    connect: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const received: RealtimeMessage[] = [];
  connection.subscribe((message) => received.push(message));
  return { connection, sockets, timers, received };
}

describe('RealtimeConnection', () => {
  it('passes on well-formed messages and ignores the rest', () => {
    const { connection, sockets, received } = setup();
    connection.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    socket.send(JSON.stringify({ type: 'notification', unread: 3 }));
    socket.send('not json');
    socket.send(JSON.stringify({ nope: true }));
    socket.send(new ArrayBuffer(2));
    expect(received).toEqual([{ type: 'notification', unread: 3 }]);
  });

  it('reconnects after a drop with a growing delay, and asks for a resync once back', () => {
    const { connection, sockets, timers, received } = setup();
    connection.start();
    (sockets[0] as FakeSocket).open();
    (sockets[0] as FakeSocket).drop();
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    timers[0]?.run();
    (sockets[1] as FakeSocket).drop(); // the server is still down
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000]);
    timers[1]?.run();
    (sockets[2] as FakeSocket).open();
    expect(received).toEqual([{ type: 'resync' }]);
    (sockets[2] as FakeSocket).drop();
    expect(timers.at(-1)?.ms).toBe(1000); // a good connection resets the back-off
  });

  it('stays closed after stop, even if a retry was pending', () => {
    const { connection, sockets, timers } = setup();
    connection.start();
    (sockets[0] as FakeSocket).drop();
    connection.stop();
    expect(timers[0]?.cleared).toBe(true);
    connection.start();
    expect(sockets).toHaveLength(2);
    connection.stop();
    expect(sockets[1]?.closed).toBe(true);
    expect(timers).toHaveLength(1);
  });

  it('derives the socket URL from the page origin', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'music.example:8443' })).toBe(
      'wss://music.example:8443/api/v1/ws',
    );
    expect(realtimeUrl({ protocol: 'http:', host: 'localhost:4533' })).toBe('ws://localhost:4533/api/v1/ws');
  });
});
