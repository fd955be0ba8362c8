import type { AudioBackend, AudioBackendEvent } from './audio-backend.ts';
import { nextIndex, previousIndex, RESTART_THRESHOLD_SECONDS, type AdvanceReason } from './navigation.ts';
import {
  appendEntries,
  currentEntry,
  EMPTY_QUEUE,
  indexOfUid,
  insertAfterCurrent,
  moveEntry,
  removeEntry,
  replaceQueue,
  selectIndex,
  type QueueState,
} from './queue.ts';
import type { ResumeState } from './resume-state.ts';
import {
  addToShuffle,
  advanceShuffle,
  currentOfShuffle,
  ensureUpcoming,
  jumpInShuffle,
  removeFromShuffle,
  retreatShuffle,
  startShuffle,
  upcomingOfShuffle,
  type Random,
  type ShuffleState,
} from './shuffle-order.ts';
import { PLAY_MODES, type PlayMode, type PlayerTrack, type QueueEntry, type TimeRange } from './types.ts';

/** Everything the UI shows about playback; a new object after every change. */
export interface PlayerSnapshot {
  readonly entries: readonly QueueEntry[];
  readonly currentIndex: number;
  readonly current: QueueEntry | null;
  readonly mode: PlayMode;
  /** what the user asked for: false while playing or about to */
  readonly paused: boolean;
  /** waiting for data while meant to play */
  readonly buffering: boolean;
  readonly position: number;
  readonly duration: number;
  readonly buffered: readonly TimeRange[];
  readonly volume: number;
  readonly muted: boolean;
  /** set when the current track could not be played */
  readonly error: 'playback_failed' | null;
}

export interface PlayerEngineOptions {
  createBackend: () => AudioBackend;
  random?: Random;
  makeUid?: () => string;
  /** how many seconds before the end of a track the next one starts buffering */
  preloadLeadSeconds?: number;
}

const BACKEND_EVENTS: readonly AudioBackendEvent[] = [
  'timeupdate',
  'durationchange',
  'progress',
  'playing',
  'pause',
  'waiting',
  'ended',
  'error',
];

let uidCounter = 0;
function defaultUid(): string {
  uidCounter += 1;
  return `${Date.now().toString(36)}-${uidCounter.toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * The playback engine: the queue, play modes, two audio outputs (one plays while the other
 * preloads the next track so changes feel gapless) and state for the UI. No UI code: the UI
 * subscribes to snapshots and calls commands.
 */
export class PlayerEngine {
  private queue: QueueState = EMPTY_QUEUE;
  private shuffle: ShuffleState | null = null;
  private mode: PlayMode = 'sequential';
  private active: AudioBackend;
  private standby: AudioBackend;
  /** the entry whose stream the active / standby output holds */
  private activeUid: string | null = null;
  private standbyUid: string | null = null;
  private paused = true;
  private buffering = false;
  private position = 0;
  private duration = 0;
  private buffered: readonly TimeRange[] = [];
  private volume = 1;
  private muted = false;
  private error: PlayerSnapshot['error'] = null;
  private consecutiveErrors = 0;
  private snapshot: PlayerSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: (() => void)[] = [];
  private readonly random: Random;
  private readonly makeUid: () => string;
  private readonly preloadLead: number;

  constructor(options: PlayerEngineOptions) {
    this.random = options.random ?? Math.random;
    this.makeUid = options.makeUid ?? defaultUid;
    this.preloadLead = options.preloadLeadSeconds ?? 30;
    this.active = options.createBackend();
    this.standby = options.createBackend();
    this.active.setActive(true);
    this.standby.setActive(false);
    for (const backend of [this.active, this.standby]) {
      for (const event of BACKEND_EVENTS) {
        this.unsubscribers.push(
          backend.on(event, () => {
            if (backend === this.active) this.onActiveEvent(event);
          }),
        );
      }
    }
    this.snapshot = this.buildSnapshot();
  }

  // ---- subscription (fits React's useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PlayerSnapshot => this.snapshot;

  // ---- queue commands ----

  /** Replaces the queue with `tracks` and plays the one at `startIndex`. */
  playTracks(tracks: readonly PlayerTrack[], startIndex = 0): void {
    if (tracks.length === 0) return;
    this.queue = replaceQueue(this.toEntries(tracks), startIndex);
    if (this.mode === 'shuffle')
      this.shuffle = startShuffle(this.uids(), currentEntry(this.queue)?.uid ?? null, this.random);
    this.startEntry(this.queue.current, { autoplay: true });
  }

  /** Adds to the end of the queue; into an empty queue the first one is selected, not started. */
  addToQueue(tracks: readonly PlayerTrack[]): void {
    if (tracks.length === 0) return;
    const wasEmpty = this.queue.entries.length === 0;
    const added = this.toEntries(tracks);
    this.queue = appendEntries(this.queue, added);
    this.updateShuffleAfterAdd(added, 'later', wasEmpty);
    if (wasEmpty) this.startEntry(0, { autoplay: false });
    else this.changed();
  }

  /** Inserts right after the current track; into an empty queue it starts playing. */
  playNext(tracks: readonly PlayerTrack[]): void {
    if (tracks.length === 0) return;
    const wasEmpty = this.queue.entries.length === 0;
    const added = this.toEntries(tracks);
    this.queue = insertAfterCurrent(this.queue, added);
    this.updateShuffleAfterAdd(added, 'next', wasEmpty);
    if (wasEmpty) this.startEntry(0, { autoplay: true });
    else this.changed();
  }

  /** Puts tracks right after the current one and starts the first of them now. */
  playNow(tracks: readonly PlayerTrack[]): void {
    if (tracks.length === 0) return;
    if (this.queue.entries.length === 0) {
      this.playTracks(tracks, 0);
      return;
    }
    const added = this.toEntries(tracks);
    this.queue = insertAfterCurrent(this.queue, added);
    this.updateShuffleAfterAdd(added, 'next', false);
    const first = added[0] as QueueEntry;
    if (this.shuffle) this.shuffle = jumpInShuffle(this.shuffle, first.uid);
    this.startEntry(this.queue.current + 1, { autoplay: true });
  }

  /** Plays a queue entry the user picked. */
  playEntry(uid: string): void {
    const index = indexOfUid(this.queue, uid);
    if (index < 0) return;
    if (this.shuffle) this.shuffle = jumpInShuffle(this.shuffle, uid);
    this.startEntry(index, { autoplay: true });
  }

  remove(uid: string): void {
    const index = indexOfUid(this.queue, uid);
    if (index < 0) return;
    const wasCurrent = index === this.queue.current;
    this.queue = removeEntry(this.queue, uid);
    if (this.shuffle) this.shuffle = removeFromShuffle(this.shuffle, uid);
    if (this.standbyUid === uid) this.clearStandby();
    if (this.queue.entries.length === 0) {
      this.clear();
      return;
    }
    if (!wasCurrent) {
      this.changed();
      return;
    }
    let following = this.queue.current;
    if (this.shuffle) {
      this.shuffle = ensureUpcoming(this.shuffle, this.uids(), this.random);
      const upcoming = upcomingOfShuffle(this.shuffle);
      this.shuffle = advanceShuffle(this.shuffle);
      if (upcoming !== null) following = indexOfUid(this.queue, upcoming);
    }
    this.startEntry(following, { autoplay: !this.paused });
  }

  /** Reorders: the entry at `from` moves to `to`. */
  move(from: number, to: number): void {
    const moved = moveEntry(this.queue, from, to);
    if (moved === this.queue) return;
    this.queue = moved;
    this.changed();
  }

  clear(): void {
    this.queue = EMPTY_QUEUE;
    this.shuffle = this.mode === 'shuffle' ? { order: [], pos: -1 } : null;
    this.active.pause();
    this.active.load(null, 'metadata');
    this.activeUid = null;
    this.clearStandby();
    this.paused = true;
    this.buffering = false;
    this.position = 0;
    this.duration = 0;
    this.buffered = [];
    this.error = null;
    this.changed();
  }

  // ---- transport ----

  play(): void {
    const entry = currentEntry(this.queue);
    if (!entry) return;
    if (this.activeUid !== entry.uid) {
      this.startEntry(this.queue.current, { autoplay: true, startAt: this.position });
      return;
    }
    this.error = null;
    this.startPlayback();
    this.changed();
  }

  pause(): void {
    this.paused = true;
    this.buffering = false;
    this.active.pause();
    this.changed();
  }

  toggle(): void {
    if (this.paused) this.play();
    else this.pause();
  }

  next(): void {
    this.advance('manual');
  }

  /** Restarts the track when past the first seconds, else goes to the previous one. */
  previous(): void {
    if (this.queue.current < 0) return;
    if (this.position > RESTART_THRESHOLD_SECONDS) {
      this.restartCurrent();
      return;
    }
    if (this.shuffle) {
      const back = retreatShuffle(this.shuffle);
      const uid = back ? currentOfShuffle(back) : null;
      if (!back || uid === null) {
        this.restartCurrent();
        return;
      }
      this.shuffle = back;
      this.startEntry(indexOfUid(this.queue, uid), { autoplay: true });
      return;
    }
    const index = previousIndex(this.mode, this.queue.entries.length, this.queue.current);
    if (index === null) this.restartCurrent();
    else this.startEntry(index, { autoplay: true });
  }

  seek(seconds: number): void {
    if (this.queue.current < 0 || !Number.isFinite(seconds)) return;
    const max = this.duration > 0 ? this.duration : Number.POSITIVE_INFINITY;
    const target = Math.min(Math.max(0, seconds), max);
    this.active.seek(target);
    this.position = target;
    this.changed();
  }

  seekBy(deltaSeconds: number): void {
    this.seek(this.position + deltaSeconds);
  }

  setVolume(volume: number): void {
    if (!Number.isFinite(volume)) return;
    this.volume = Math.min(1, Math.max(0, volume));
    if (this.volume > 0) this.muted = false;
    this.applyVolume();
    this.changed();
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.applyVolume();
    this.changed();
  }

  toggleMute(): void {
    this.setMuted(!this.muted);
  }

  setMode(mode: PlayMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.shuffle =
      mode === 'shuffle'
        ? startShuffle(this.uids(), currentEntry(this.queue)?.uid ?? null, this.random)
        : null;
    this.changed();
  }

  /** sequential → repeat-all → repeat-one → shuffle → sequential */
  cycleMode(): void {
    const at = PLAY_MODES.indexOf(this.mode);
    this.setMode(PLAY_MODES[(at + 1) % PLAY_MODES.length] ?? 'sequential');
  }

  // ---- resume ----

  exportState(): ResumeState {
    return {
      version: 1,
      entries: this.queue.entries.map((entry) => ({ uid: entry.uid, track: entry.track })),
      current: this.queue.current,
      position: this.position,
      mode: this.mode,
      volume: this.volume,
      muted: this.muted,
      shuffle: this.shuffle ? { order: [...this.shuffle.order], pos: this.shuffle.pos } : null,
    };
  }

  /** Puts back a saved queue, paused at the saved position (browsers do not allow autoplay after a reload). */
  restoreState(state: ResumeState): void {
    this.queue = replaceQueue(state.entries, state.current);
    this.mode = state.mode;
    this.shuffle = state.mode === 'shuffle' ? this.validShuffle(state.shuffle) : null;
    this.volume = state.volume;
    this.muted = state.muted;
    this.applyVolume();
    this.clearStandby();
    const entry = currentEntry(this.queue);
    this.paused = true;
    this.buffering = false;
    this.error = null;
    this.buffered = [];
    if (entry) {
      this.active.load(entry.track.streamUrl, 'metadata');
      this.activeUid = entry.uid;
      const max = entry.track.durationMs / 1000;
      this.position = Math.min(Math.max(0, state.position), max > 0 ? max : Number.POSITIVE_INFINITY);
      if (this.position > 0) this.active.seek(this.position);
      this.duration = max;
    } else {
      this.active.load(null, 'metadata');
      this.activeUid = null;
      this.position = 0;
      this.duration = 0;
    }
    this.changed();
  }

  destroy(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.active.destroy();
    this.standby.destroy();
    this.listeners.clear();
  }

  // ---- internals ----

  private advance(reason: AdvanceReason): void {
    const index = this.upcomingIndex(reason);
    if (index === null) {
      if (reason === 'auto') {
        // The end of a sequential queue: stop on the last track.
        this.paused = true;
        this.buffering = false;
        this.changed();
      }
      return;
    }
    if (this.shuffle) this.shuffle = advanceShuffle(this.shuffle);
    this.startEntry(index, { autoplay: true });
  }

  /** The index that plays after the current one, or null at the end of a sequential queue. */
  private upcomingIndex(reason: AdvanceReason): number | null {
    if (this.queue.entries.length === 0) return null;
    if (this.shuffle) {
      this.shuffle = ensureUpcoming(this.shuffle, this.uids(), this.random);
      const uid = upcomingOfShuffle(this.shuffle);
      return uid === null ? null : indexOfUid(this.queue, uid);
    }
    return nextIndex(this.mode, this.queue.entries.length, this.queue.current, reason);
  }

  private startEntry(index: number, options: { autoplay: boolean; startAt?: number }): void {
    this.queue = selectIndex(this.queue, index);
    const entry = currentEntry(this.queue);
    if (!entry) return;
    const startAt = options.startAt ?? 0;
    this.error = null;
    if (this.standbyUid === entry.uid && this.standby.src !== null) {
      this.swapOutputs();
      if (startAt > 0) this.active.seek(startAt);
    } else if (this.activeUid === entry.uid && this.active.src !== null) {
      this.active.seek(startAt);
    } else {
      this.active.load(entry.track.streamUrl, 'auto');
      this.activeUid = entry.uid;
      if (startAt > 0) this.active.seek(startAt);
    }
    this.position = startAt;
    const known = this.active.duration;
    this.duration = Number.isFinite(known) && known > 0 ? known : entry.track.durationMs / 1000;
    this.buffered = this.active.buffered;
    this.buffering = false;
    if (options.autoplay) {
      this.startPlayback();
    } else {
      this.active.pause();
      this.paused = true;
    }
    this.changed();
  }

  private restartCurrent(): void {
    if (this.queue.current < 0) return;
    this.active.seek(0);
    this.position = 0;
    if (this.paused) this.startPlayback();
    this.changed();
  }

  private startPlayback(): void {
    this.paused = false;
    const backend = this.active;
    backend.play().catch((error: unknown) => {
      if (backend !== this.active) return;
      const name = error instanceof Error || isNamed(error) ? error.name : '';
      // AbortError: a newer load replaced this one. Failures to decode arrive as an error event.
      if (name !== 'NotAllowedError') return;
      this.paused = true;
      this.buffering = false;
      this.changed();
    });
  }

  private swapOutputs(): void {
    const previous = this.active;
    this.active = this.standby;
    this.standby = previous;
    this.activeUid = this.standbyUid;
    this.active.setActive(true);
    this.standby.setActive(false);
    this.applyVolume();
    previous.pause();
    previous.load(null, 'metadata');
    this.standbyUid = null;
  }

  private clearStandby(): void {
    if (this.standbyUid === null) return;
    this.standby.load(null, 'metadata');
    this.standbyUid = null;
  }

  private preloadUpcoming(): void {
    if (!(this.duration > 0) || this.duration - this.position > this.preloadLead) return;
    const index = this.upcomingIndex('auto');
    if (index === null) return;
    const entry = this.queue.entries[index];
    if (!entry || entry.uid === this.activeUid || entry.uid === this.standbyUid) return;
    this.standby.load(entry.track.streamUrl, 'auto');
    this.standbyUid = entry.uid;
  }

  private onActiveEvent(event: AudioBackendEvent): void {
    const backend = this.active;
    switch (event) {
      case 'timeupdate':
        this.position = backend.currentTime;
        this.preloadUpcoming();
        break;
      case 'durationchange':
        if (Number.isFinite(backend.duration) && backend.duration > 0) this.duration = backend.duration;
        break;
      case 'progress':
        this.buffered = backend.buffered;
        break;
      case 'playing':
        this.paused = false;
        this.buffering = false;
        this.consecutiveErrors = 0;
        break;
      case 'waiting':
        if (!this.paused) this.buffering = true;
        break;
      case 'pause':
        // The element pauses by itself at the end of a track; that is not the user pausing.
        if (!backend.paused || backend.ended) return;
        this.paused = true;
        this.buffering = false;
        break;
      case 'ended':
        this.position = this.duration;
        this.advance('auto');
        return;
      case 'error':
        this.onPlaybackError();
        return;
    }
    this.changed();
  }

  /** A track that cannot be played is skipped, unless every track in the queue failed in a row. */
  private onPlaybackError(): void {
    this.buffering = false;
    this.consecutiveErrors += 1;
    const keepGoing = !this.paused && this.consecutiveErrors < this.queue.entries.length;
    if (keepGoing) {
      const index = this.upcomingIndex('manual');
      if (index !== null && index !== this.queue.current) {
        if (this.shuffle) this.shuffle = advanceShuffle(this.shuffle);
        this.startEntry(index, { autoplay: true });
        return;
      }
    }
    this.error = 'playback_failed';
    this.paused = true;
    this.activeUid = null;
    this.changed();
  }

  private updateShuffleAfterAdd(
    added: readonly QueueEntry[],
    placement: 'next' | 'later',
    wasEmpty: boolean,
  ): void {
    if (this.mode !== 'shuffle') return;
    const uids = added.map((entry) => entry.uid);
    if (wasEmpty || !this.shuffle) {
      this.shuffle = startShuffle(uids, uids[0] ?? null, this.random);
      return;
    }
    this.shuffle = addToShuffle(this.shuffle, uids, placement, this.random);
  }

  private validShuffle(saved: ShuffleState | null): ShuffleState {
    const uids = this.uids();
    const current = currentEntry(this.queue)?.uid ?? null;
    if (saved && saved.order.every((uid) => uids.includes(uid)) && currentOfShuffle(saved) === current)
      return saved;
    return startShuffle(uids, current, this.random);
  }

  private applyVolume(): void {
    this.active.setVolume(this.volume, this.muted);
    this.standby.setVolume(this.volume, this.muted);
  }

  private toEntries(tracks: readonly PlayerTrack[]): QueueEntry[] {
    return tracks.map((track) => ({ uid: this.makeUid(), track }));
  }

  private uids(): string[] {
    return this.queue.entries.map((entry) => entry.uid);
  }

  private buildSnapshot(): PlayerSnapshot {
    return {
      entries: this.queue.entries,
      currentIndex: this.queue.current,
      current: currentEntry(this.queue),
      mode: this.mode,
      paused: this.paused,
      buffering: this.buffering,
      position: this.position,
      duration: this.duration,
      buffered: this.buffered,
      volume: this.volume,
      muted: this.muted,
      error: this.error,
    };
  }

  private changed(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }
}

function isNamed(value: unknown): value is { name: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}
