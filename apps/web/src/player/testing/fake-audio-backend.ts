import type { AudioBackend, AudioBackendEvent } from '../audio-backend.ts';
import type { TimeRange } from '../types.ts';

/** An AudioBackend driven by the test: it plays only when told time passes. */
export class FakeAudioBackend implements AudioBackend {
  src: string | null = null;
  currentTime = 0;
  duration = Number.NaN;
  paused = true;
  ended = false;
  buffered: TimeRange[] = [];
  volume = 1;
  muted = false;
  active = false;
  preload: 'auto' | 'metadata' | null = null;
  /** when set, play() rejects like a browser's autoplay policy */
  refusePlay = false;
  loads: (string | null)[] = [];
  private readonly listeners = new Map<AudioBackendEvent, Set<() => void>>();

  constructor(private readonly durations: (src: string) => number = () => 100) {}

  load(src: string | null, preload: 'auto' | 'metadata'): void {
    this.src = src;
    this.preload = preload;
    this.loads.push(src);
    this.currentTime = 0;
    this.paused = true;
    this.ended = false;
    this.buffered = [];
    this.duration = src === null ? Number.NaN : this.durations(src);
  }

  play(): Promise<void> {
    if (this.refusePlay) {
      const error = new Error('play() needs a user gesture');
      error.name = 'NotAllowedError';
      return Promise.reject(error);
    }
    if (this.ended) this.currentTime = 0;
    this.paused = false;
    this.ended = false;
    this.emit('playing');
    return Promise.resolve();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.emit('pause');
  }

  seek(seconds: number): void {
    this.currentTime = seconds;
    this.ended = false;
  }

  setVolume(volume: number, muted: boolean): void {
    this.volume = volume;
    this.muted = muted;
  }

  setActive(active: boolean): void {
    this.active = active;
  }

  on(event: AudioBackendEvent, listener: () => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  destroy(): void {
    this.listeners.clear();
  }

  emit(event: AudioBackendEvent): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }

  /** Time passes while playing. */
  advance(seconds: number): void {
    this.currentTime = Math.min(this.duration, this.currentTime + seconds);
    this.emit('timeupdate');
  }

  /** The track plays to its end, as a browser reports it: pause, then ended. */
  finish(): void {
    this.currentTime = this.duration;
    this.paused = true;
    this.ended = true;
    this.emit('pause');
    this.emit('ended');
  }
}

/** A seeded generator (mulberry32) so shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
