import type { Redis } from 'ioredis';
import type { Logger } from '../../platform/logger.ts';

/** The part of a `ws` WebSocket the hub uses. */
export interface RealtimeSocket {
  readonly readyState: number;
  send(data: string): void;
  ping(): void;
  terminate(): void;
  close(code?: number, reason?: string): void;
  on(event: 'pong' | 'close', listener: () => void): unknown;
}

export interface RealtimeHubOptions {
  logger: Logger;
  /** with Redis, a message reaches the sockets of every instance, not only this one's */
  redis?: Redis;
  /** a socket that has not answered a ping by the next one is dropped (default 30 s) */
  pingIntervalMs?: number;
  channel?: string;
}

const OPEN = 1;

interface Envelope {
  userId: string;
  message: unknown;
}

/**
 * The open WebSockets of each user (one per tab or device) and delivery to all of them.
 *
 * A push is only a hint that something changed: clients re-fetch from the API, which is the
 * record, so a message lost to a reconnect or an instance restart loses nothing.
 *
 * With Redis, `publish` goes through a pub/sub channel and every instance (this one too)
 * delivers to the sockets it holds; without it, delivery is local. Pings keep idle
 * connections open through proxies and find the dead ones.
 */
export class RealtimeHub {
  private readonly sockets = new Map<string, Set<RealtimeSocket>>();
  private readonly alive = new WeakMap<RealtimeSocket, boolean>();
  private readonly channel: string;
  private readonly subscriber: Redis | undefined;
  private pinger: NodeJS.Timeout | undefined;

  constructor(private readonly options: RealtimeHubOptions) {
    this.channel = options.channel ?? 'resonance:realtime';
    if (options.redis) {
      // A connection in subscriber mode can do nothing else, hence a second one.
      this.subscriber = options.redis.duplicate();
      this.subscriber.on('message', (channel: string, raw: string) => {
        if (channel === this.channel) this.receive(raw);
      });
      this.subscriber.on('error', (error) =>
        options.logger.warn({ err: error }, 'realtime subscriber error'),
      );
      this.subscriber.subscribe(this.channel).catch((error: unknown) => {
        options.logger.warn({ err: error }, 'realtime subscribe failed');
      });
    }
  }

  add(userId: string, socket: RealtimeSocket): void {
    let set = this.sockets.get(userId);
    if (!set) this.sockets.set(userId, (set = new Set()));
    set.add(socket);
    this.alive.set(socket, true);
    socket.on('pong', () => this.alive.set(socket, true));
    socket.on('close', () => this.remove(userId, socket));
    this.startPinging();
  }

  /** How many sockets this instance holds for the user. */
  connections(userId: string): number {
    return this.sockets.get(userId)?.size ?? 0;
  }

  /** Sends `message` to every open socket of the user, on every instance. */
  async publish(userId: string, message: unknown): Promise<void> {
    const redis = this.options.redis;
    if (!redis) return this.deliver({ userId, message });
    try {
      await redis.publish(this.channel, JSON.stringify({ userId, message } satisfies Envelope));
    } catch (error) {
      // Redis is down: this instance's sockets at least still hear it.
      this.options.logger.warn({ err: error }, 'realtime publish failed; delivering locally');
      this.deliver({ userId, message });
    }
  }

  async close(): Promise<void> {
    this.stopPinging();
    for (const set of this.sockets.values())
      for (const socket of set) socket.close(1001, 'server shutting down');
    this.sockets.clear();
    if (this.subscriber) this.subscriber.disconnect();
  }

  private receive(raw: string): void {
    try {
      const envelope = JSON.parse(raw) as Envelope;
      if (typeof envelope.userId === 'string') this.deliver(envelope);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'unreadable realtime message');
    }
  }

  private deliver({ userId, message }: Envelope): void {
    const set = this.sockets.get(userId);
    if (!set) return;
    const data = JSON.stringify(message);
    for (const socket of set) if (socket.readyState === OPEN) socket.send(data);
  }

  private remove(userId: string, socket: RealtimeSocket): void {
    const set = this.sockets.get(userId);
    set?.delete(socket);
    if (set?.size === 0) this.sockets.delete(userId);
    if (this.sockets.size === 0) this.stopPinging();
  }

  private startPinging(): void {
    if (this.pinger) return;
    this.pinger = setInterval(() => this.pingAll(), this.options.pingIntervalMs ?? 30_000);
    this.pinger.unref();
  }

  private stopPinging(): void {
    clearInterval(this.pinger);
    this.pinger = undefined;
  }

  private pingAll(): void {
    for (const set of this.sockets.values()) {
      for (const socket of set) {
        if (!this.alive.get(socket)) {
          socket.terminate();
          continue;
        }
        this.alive.set(socket, false);
        socket.ping();
      }
    }
  }
}
