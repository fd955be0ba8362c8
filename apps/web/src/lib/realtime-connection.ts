/**
 * The page's one WebSocket to `/api/v1/ws`: it carries hints ("you have a new notification")
 * that make the app re-fetch; the API stays the record, so a lost message costs nothing. The
 * connection comes back by itself after a drop (backing off), and tells listeners `resync`
 * when it does so they can re-fetch whatever they may have missed.
 */
export interface RealtimeMessage {
  type: string;
  [key: string]: unknown;
}

export type RealtimeListener = (message: RealtimeMessage) => void;

/** The part of the browser's WebSocket this uses (a fake in tests). */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(): void;
}

export interface RealtimeOptions {
  url: string;
  connect: (url: string) => SocketLike;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** the first retry waits this long, doubling up to maxDelayMs */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export class RealtimeConnection {
  private socket: SocketLike | null = null;
  private readonly listeners = new Set<RealtimeListener>();
  private retryTimer: unknown = null;
  private failures = 0;
  private wanted = false;
  private everOpened = false;

  constructor(private readonly options: RealtimeOptions) {}

  subscribe(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.wanted = true;
    if (!this.socket && this.retryTimer === null) this.open();
  }

  /** On logout: close and stay closed. */
  stop(): void {
    this.wanted = false;
    if (this.retryTimer !== null) this.options.clearTimer(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  private open(): void {
    const socket = this.options.connect(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.failures = 0;
      // After a reconnect anything may have happened meanwhile.
      if (this.everOpened) this.dispatch({ type: 'resync' });
      this.everOpened = true;
    };
    socket.onmessage = (event) => {
      const message = parseMessage(event.data);
      if (message) this.dispatch(message);
    };
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.wanted) this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    this.failures += 1;
    const base = this.options.baseDelayMs ?? 1000;
    const delay = Math.min(this.options.maxDelayMs ?? 30_000, base * 2 ** (this.failures - 1));
    this.retryTimer = this.options.setTimer(() => {
      this.retryTimer = null;
      if (this.wanted) this.open();
    }, delay);
  }

  private dispatch(message: RealtimeMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}

function parseMessage(data: unknown): RealtimeMessage | null {
  if (typeof data !== 'string' || data.length > 64 * 1024) return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as RealtimeMessage).type === 'string')
      return parsed as RealtimeMessage;
  } catch {
    // not JSON: ignore
  }
  return null;
}

/** The WebSocket URL of this page's origin (ws: for http, wss: for https). */
export function realtimeUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/v1/ws`;
}
