import type { PlayerSnapshot } from './player-engine.ts';
import type { PlaySource } from './types.ts';

/** One report about a playback, as the server's listening log takes it. */
export interface ListeningEvent {
  id: string;
  playbackId: string;
  type: 'start' | 'progress' | 'end';
  trackId: string;
  at: string;
  positionMs: number;
  playedMs: number;
  endReason?: 'finished' | 'skipped' | 'interrupted';
  repeat: boolean;
  source: PlaySource;
  client?: string;
}

export interface ListeningTrackerOptions {
  emit: (event: ListeningEvent) => void;
  now: () => number;
  makeId: () => string;
  client?: string;
  /** how often a playing track reports its progress; default 30 s */
  progressEveryMs?: number;
}

interface Playback {
  id: string;
  uid: string;
  trackId: string;
  source: PlaySource;
  repeat: boolean;
  durationMs: number;
  lastPosition: number;
  playedMs: number;
  lastProgressAt: number;
}

/** A jump forward bigger than this between two updates is a seek, not listening. */
const MAX_LISTENED_STEP_SECONDS = 3;
/** Within this of the end, leaving a track counts as finishing it. */
const END_SLACK_SECONDS = 2;

/**
 * Turns the player's snapshots into listening events: a playback starts when a track begins
 * playing, reports progress while it plays, and ends when another track takes its place
 * (finished near the end, else skipped at its position), when it loops (single-track repeat:
 * the next playback is marked `repeat`), when playback fails, or when the page goes away
 * (interrupted). `playedMs` counts audio actually heard: seeks and paused time are not added,
 * so a seek to the end cannot make a play count.
 */
export class ListeningTracker {
  private playback: Playback | null = null;

  constructor(private readonly options: ListeningTrackerOptions) {}

  observe(snapshot: PlayerSnapshot): void {
    const entry = snapshot.current;
    let playback = this.playback;
    if (playback && entry?.uid !== playback.uid) {
      this.end(this.nearEnd(playback) ? 'finished' : 'skipped');
      playback = null;
    }
    if (playback && snapshot.error) {
      this.end('interrupted');
      return;
    }
    if (playback && entry && snapshot.position + MAX_LISTENED_STEP_SECONDS < playback.lastPosition) {
      // Back to the start of the same entry: a loop (repeat one) or a restart by the listener.
      const looped = this.nearEnd(playback);
      this.end(looped ? 'finished' : 'skipped');
      if (!snapshot.paused) this.start(snapshot, true);
      return;
    }
    if (playback) {
      const step = snapshot.position - playback.lastPosition;
      if (!snapshot.paused && step > 0 && step <= MAX_LISTENED_STEP_SECONDS) playback.playedMs += step * 1000;
      playback.lastPosition = snapshot.position;
      const now = this.options.now();
      if (!snapshot.paused && now - playback.lastProgressAt >= (this.options.progressEveryMs ?? 30_000)) {
        playback.lastProgressAt = now;
        this.emit('progress', playback);
      }
      return;
    }
    if (entry && !snapshot.paused && !snapshot.error) this.start(snapshot, false);
  }

  /** The page is going away (or the user logged out): end what is playing as interrupted. */
  interrupt(): void {
    if (this.playback) this.end(this.nearEnd(this.playback) ? 'finished' : 'interrupted');
  }

  private start(snapshot: PlayerSnapshot, repeat: boolean): void {
    const entry = snapshot.current;
    if (!entry) return;
    this.playback = {
      id: this.options.makeId(),
      uid: entry.uid,
      trackId: entry.track.id,
      source: entry.track.source ?? { type: 'other' },
      repeat,
      durationMs: entry.track.durationMs,
      lastPosition: snapshot.position,
      playedMs: 0,
      lastProgressAt: this.options.now(),
    };
    this.emit('start', this.playback);
  }

  private end(reason: NonNullable<ListeningEvent['endReason']>): void {
    const playback = this.playback;
    if (!playback) return;
    this.playback = null;
    this.emit('end', playback, reason);
  }

  private nearEnd(playback: Playback): boolean {
    return (
      playback.durationMs > 0 &&
      playback.lastPosition * 1000 >= playback.durationMs - END_SLACK_SECONDS * 1000
    );
  }

  private emit(
    type: ListeningEvent['type'],
    playback: Playback,
    endReason?: ListeningEvent['endReason'],
  ): void {
    const positionMs = Math.max(0, Math.round(playback.lastPosition * 1000));
    const event: ListeningEvent = {
      id: this.options.makeId(),
      playbackId: playback.id,
      type,
      trackId: playback.trackId,
      at: new Date(this.options.now()).toISOString(),
      positionMs: playback.durationMs > 0 ? Math.min(positionMs, playback.durationMs) : positionMs,
      playedMs: Math.round(playback.playedMs),
      repeat: playback.repeat,
      source: playback.source,
      ...(endReason ? { endReason } : {}),
      ...(this.options.client ? { client: this.options.client } : {}),
    };
    this.options.emit(event);
  }
}

/**
 * A random v4 UUID. crypto.randomUUID exists only in secure contexts, and a self-hosted server
 * is often opened over plain http on a LAN address, so build it from getRandomValues.
 */
export function randomUuid(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
