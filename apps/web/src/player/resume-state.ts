import type { ShuffleState } from './shuffle-order.ts';
import { isPlayMode, type PlayMode, type PlayerTrack, type QueueEntry } from './types.ts';

/** What survives a reload: the queue, where we were in it, and the listener's settings. */
export interface ResumeState {
  version: 1;
  entries: QueueEntry[];
  current: number;
  position: number;
  mode: PlayMode;
  volume: number;
  muted: boolean;
  shuffle: ShuffleState | null;
}

/** A queue longer than this is cut around the current entry when saved (storage is small). */
export const MAX_SAVED_ENTRIES = 1000;

export function serializeResumeState(state: ResumeState): string {
  let { entries, current } = state;
  if (entries.length > MAX_SAVED_ENTRIES) {
    const start = Math.max(0, Math.min(current - MAX_SAVED_ENTRIES / 2, entries.length - MAX_SAVED_ENTRIES));
    entries = entries.slice(start, start + MAX_SAVED_ENTRIES);
    current -= start;
  }
  const kept = new Set(entries.map((entry) => entry.uid));
  const shuffle = state.shuffle && state.shuffle.order.every((uid) => kept.has(uid)) ? state.shuffle : null;
  return JSON.stringify({ ...state, entries, current, shuffle });
}

/**
 * Reads saved state defensively: storage can hold anything (an older version, another tab's
 * half-written value, hand edits). Bad entries are dropped; unusable state gives null.
 */
export function parseResumeState(text: string | null): ResumeState | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.entries)) return null;
  const savedCurrent = raw.entries[finiteOr(raw.current, -1)];
  const entries = raw.entries.filter(isQueueEntry);
  const uids = new Set(entries.map((entry) => entry.uid));
  if (uids.size !== entries.length) return null;
  let current = isQueueEntry(savedCurrent) ? entries.findIndex((e) => e.uid === savedCurrent.uid) : -1;
  if (current < 0 && entries.length > 0) current = 0;
  const mode = isPlayMode(raw.mode) ? raw.mode : 'sequential';
  return {
    version: 1,
    entries,
    current,
    position: Math.max(0, finiteOr(raw.position, 0)),
    mode,
    volume: Math.min(1, Math.max(0, finiteOr(raw.volume, 1))),
    muted: raw.muted === true,
    shuffle: parseShuffle(raw.shuffle, uids),
  };
}

function parseShuffle(value: unknown, uids: Set<string>): ShuffleState | null {
  if (!isRecord(value) || !Array.isArray(value.order)) return null;
  const order = value.order;
  if (!order.every((uid): uid is string => typeof uid === 'string' && uids.has(uid))) return null;
  const pos = finiteOr(value.pos, -2);
  if (!Number.isInteger(pos) || pos < -1 || pos >= order.length) return null;
  return { order, pos };
}

function isQueueEntry(value: unknown): value is QueueEntry {
  return isRecord(value) && typeof value.uid === 'string' && value.uid.length > 0 && isTrack(value.track);
}

function isTrack(value: unknown): value is PlayerTrack {
  if (!isRecord(value)) return false;
  return (
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.streamUrl === 'string' &&
    // Only our own API paths are played back, never an arbitrary URL from storage.
    value.streamUrl.startsWith('/api/') &&
    typeof value.durationMs === 'number' &&
    Array.isArray(value.artists) &&
    value.artists.every((a) => isRecord(a) && typeof a.id === 'string' && typeof a.name === 'string') &&
    (value.album === null || (isRecord(value.album) && typeof value.album.id === 'string')) &&
    (value.coverUrl === null || typeof value.coverUrl === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ResumeSource {
  subscribe(listener: () => void): () => void;
  exportState(): ResumeState;
}

/**
 * Saves the engine's state after changes, at most once per `minIntervalMs` (position changes
 * several times a second while playing). `flush` writes now (call it when the page hides).
 */
export function persistResumeState(
  source: ResumeSource,
  storage: KeyValueStorage,
  key: string,
  minIntervalMs = 2000,
): { flush(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = Number.NEGATIVE_INFINITY;
  const write = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastWrite = Date.now();
    try {
      storage.setItem(key, serializeResumeState(source.exportState()));
    } catch {
      // Storage full or disabled: resuming is a convenience, playback goes on.
    }
  };
  const unsubscribe = source.subscribe(() => {
    if (timer !== null) return;
    const wait = lastWrite + minIntervalMs - Date.now();
    if (wait <= 0) write();
    else timer = setTimeout(write, wait);
  });
  return {
    flush: write,
    dispose: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
