import type { QueueEntry } from './types.ts';

/**
 * The queue as an immutable value: entries in the order the user sees them and the index of
 * the current one (-1 when nothing is selected). Every operation returns a new value.
 */
export interface QueueState {
  readonly entries: readonly QueueEntry[];
  readonly current: number;
}

export const EMPTY_QUEUE: QueueState = { entries: [], current: -1 };

export function currentEntry(queue: QueueState): QueueEntry | null {
  return queue.entries[queue.current] ?? null;
}

export function indexOfUid(queue: QueueState, uid: string): number {
  return queue.entries.findIndex((entry) => entry.uid === uid);
}

export function replaceQueue(entries: readonly QueueEntry[], start = 0): QueueState {
  if (entries.length === 0) return EMPTY_QUEUE;
  return { entries: [...entries], current: clamp(start, 0, entries.length - 1) };
}

/** Adds to the end; an empty queue selects the first added entry. */
export function appendEntries(queue: QueueState, added: readonly QueueEntry[]): QueueState {
  if (added.length === 0) return queue;
  const entries = [...queue.entries, ...added];
  return { entries, current: queue.current < 0 ? 0 : queue.current };
}

/** Inserts right after the current entry, keeping the given order ("play next"). */
export function insertAfterCurrent(queue: QueueState, added: readonly QueueEntry[]): QueueState {
  if (added.length === 0) return queue;
  const at = queue.current + 1;
  const entries = [...queue.entries.slice(0, at), ...added, ...queue.entries.slice(at)];
  return { entries, current: queue.current < 0 ? 0 : queue.current };
}

/**
 * Removes one entry. When it was the current one, the entry that followed it becomes current
 * (or the new last one when it was at the end).
 */
export function removeEntry(queue: QueueState, uid: string): QueueState {
  const index = indexOfUid(queue, uid);
  if (index < 0) return queue;
  const entries = queue.entries.filter((_, i) => i !== index);
  if (entries.length === 0) return EMPTY_QUEUE;
  let current = queue.current;
  if (index < current) current -= 1;
  else if (index === current) current = Math.min(current, entries.length - 1);
  return { entries, current };
}

/** Moves the entry at `from` to position `to`; the current entry stays current. */
export function moveEntry(queue: QueueState, from: number, to: number): QueueState {
  const n = queue.entries.length;
  if (from < 0 || from >= n || to < 0 || to >= n || from === to) return queue;
  const entries = [...queue.entries];
  const [moved] = entries.splice(from, 1);
  if (!moved) return queue;
  entries.splice(to, 0, moved);
  const currentUid = queue.entries[queue.current]?.uid;
  return { entries, current: currentUid === undefined ? -1 : entries.findIndex((e) => e.uid === currentUid) };
}

export function selectIndex(queue: QueueState, index: number): QueueState {
  if (index < 0 || index >= queue.entries.length) return queue;
  return { entries: queue.entries, current: index };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
