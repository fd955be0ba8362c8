import { describe, expect, it } from 'vitest';
import {
  appendEntries,
  currentEntry,
  EMPTY_QUEUE,
  insertAfterCurrent,
  moveEntry,
  removeEntry,
  replaceQueue,
  type QueueState,
} from './queue.ts';
import type { QueueEntry } from './types.ts';

function entry(uid: string): QueueEntry {
  return {
    uid,
    track: {
      id: uid,
      title: uid,
      artists: [],
      album: null,
      durationMs: 1000,
      coverUrl: null,
      streamUrl: `/api/${uid}`,
    },
  };
}
const uids = (queue: QueueState) => queue.entries.map((e) => e.uid);
const abcd = () => replaceQueue(['a', 'b', 'c', 'd'].map(entry), 1);

describe('queue', () => {
  it('replaces the queue and clamps the start index', () => {
    expect(replaceQueue([entry('a'), entry('b')], 5).current).toBe(1);
    expect(replaceQueue([], 0)).toBe(EMPTY_QUEUE);
  });

  it('appends at the end without changing the current entry', () => {
    const queue = appendEntries(abcd(), [entry('e')]);
    expect(uids(queue)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(currentEntry(queue)?.uid).toBe('b');
  });

  it('selects the first entry when adding to an empty queue', () => {
    expect(appendEntries(EMPTY_QUEUE, [entry('x')]).current).toBe(0);
    expect(insertAfterCurrent(EMPTY_QUEUE, [entry('x'), entry('y')]).current).toBe(0);
  });

  it('inserts "play next" entries right after the current one, in order', () => {
    const queue = insertAfterCurrent(abcd(), [entry('x'), entry('y')]);
    expect(uids(queue)).toEqual(['a', 'b', 'x', 'y', 'c', 'd']);
    expect(currentEntry(queue)?.uid).toBe('b');
  });

  it('keeps the current entry when removing one before it', () => {
    const queue = removeEntry(abcd(), 'a');
    expect(uids(queue)).toEqual(['b', 'c', 'd']);
    expect(currentEntry(queue)?.uid).toBe('b');
  });

  it('makes the following entry current when the current one is removed', () => {
    expect(currentEntry(removeEntry(abcd(), 'b'))?.uid).toBe('c');
    const atEnd = replaceQueue(['a', 'b'].map(entry), 1);
    expect(currentEntry(removeEntry(atEnd, 'b'))?.uid).toBe('a');
    expect(removeEntry(replaceQueue([entry('a')]), 'a')).toBe(EMPTY_QUEUE);
  });

  it('ignores removing an unknown entry', () => {
    const queue = abcd();
    expect(removeEntry(queue, 'zz')).toBe(queue);
  });

  it('moves entries and follows the current one', () => {
    const down = moveEntry(abcd(), 0, 3);
    expect(uids(down)).toEqual(['b', 'c', 'd', 'a']);
    expect(currentEntry(down)?.uid).toBe('b');
    const current = moveEntry(abcd(), 1, 3);
    expect(uids(current)).toEqual(['a', 'c', 'd', 'b']);
    expect(current.current).toBe(3);
    const queue = abcd();
    expect(moveEntry(queue, 1, 9)).toBe(queue);
  });
});
