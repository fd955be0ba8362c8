import type { TimeRange } from './types.ts';

export type AudioBackendEvent =
  'timeupdate' | 'durationchange' | 'progress' | 'playing' | 'pause' | 'waiting' | 'ended' | 'error';

/**
 * One audio output. The engine keeps two: the one playing and a standby that preloads the next
 * track, and swaps them when a track ends. The browser implementation wraps an <audio> element;
 * tests use a fake.
 */
export interface AudioBackend {
  readonly src: string | null;
  readonly currentTime: number;
  /** seconds, NaN until known */
  readonly duration: number;
  readonly paused: boolean;
  readonly ended: boolean;
  readonly buffered: readonly TimeRange[];
  /** Sets the source (null empties it); `preload: 'auto'` starts buffering right away. */
  load(src: string | null, preload: 'auto' | 'metadata'): void;
  /** Rejects when the browser refuses (autoplay policy) or a new load interrupts it. */
  play(): Promise<void>;
  pause(): void;
  /** Seeks now, or as soon as the media's metadata is known. */
  seek(seconds: number): void;
  setVolume(volume: number, muted: boolean): void;
  /** Marks which output is audible (the browser one exposes it as data-role for tests and tools). */
  setActive(active: boolean): void;
  on(event: AudioBackendEvent, listener: () => void): () => void;
  destroy(): void;
}

const EVENTS: readonly AudioBackendEvent[] = [
  'timeupdate',
  'durationchange',
  'progress',
  'playing',
  'pause',
  'waiting',
  'ended',
  'error',
];

/** The browser backend: an <audio> element kept (hidden) in the document. */
export class HtmlAudioBackend implements AudioBackend {
  private readonly element: HTMLAudioElement;
  private pendingSeek: number | null = null;

  constructor(container: HTMLElement = document.body) {
    this.element = document.createElement('audio');
    this.element.preload = 'none';
    this.element.hidden = true;
    this.element.dataset.role = 'standby';
    this.element.addEventListener('loadedmetadata', () => {
      if (this.pendingSeek !== null) {
        this.element.currentTime = this.pendingSeek;
        this.pendingSeek = null;
      }
    });
    container.appendChild(this.element);
  }

  get src(): string | null {
    return this.element.getAttribute('src');
  }
  get currentTime(): number {
    return this.pendingSeek ?? this.element.currentTime;
  }
  get duration(): number {
    return this.element.duration;
  }
  get paused(): boolean {
    return this.element.paused;
  }
  get ended(): boolean {
    return this.element.ended;
  }
  get buffered(): readonly TimeRange[] {
    const ranges: TimeRange[] = [];
    const { buffered } = this.element;
    for (let i = 0; i < buffered.length; i++) ranges.push({ start: buffered.start(i), end: buffered.end(i) });
    return ranges;
  }

  load(src: string | null, preload: 'auto' | 'metadata'): void {
    this.pendingSeek = null;
    this.element.preload = preload;
    if (src === null) {
      this.element.removeAttribute('src');
    } else {
      this.element.src = src;
    }
    this.element.load();
  }

  play(): Promise<void> {
    return this.element.play();
  }

  pause(): void {
    this.element.pause();
  }

  seek(seconds: number): void {
    if (this.element.readyState >= HTMLMediaElement.HAVE_METADATA) {
      this.element.currentTime = seconds;
      this.pendingSeek = null;
    } else {
      this.pendingSeek = seconds;
    }
  }

  setVolume(volume: number, muted: boolean): void {
    this.element.volume = volume;
    this.element.muted = muted;
  }

  setActive(active: boolean): void {
    this.element.dataset.role = active ? 'active' : 'standby';
  }

  on(event: AudioBackendEvent, listener: () => void): () => void {
    if (!EVENTS.includes(event)) throw new Error(`unknown audio event ${event}`);
    this.element.addEventListener(event, listener);
    return () => this.element.removeEventListener(event, listener);
  }

  destroy(): void {
    this.element.pause();
    this.element.removeAttribute('src');
    this.element.remove();
  }
}
