import { describe, expect, it } from 'vitest';
import { nextIndex, previousIndex } from './navigation.ts';

describe('next and previous at the ends of the queue', () => {
  it('stops after the last track in sequential mode', () => {
    expect(nextIndex('sequential', 3, 1, 'auto')).toBe(2);
    expect(nextIndex('sequential', 3, 2, 'auto')).toBeNull();
    expect(nextIndex('sequential', 3, 2, 'manual')).toBeNull();
  });

  it('wraps around in repeat-all mode', () => {
    expect(nextIndex('repeat-all', 3, 2, 'auto')).toBe(0);
    expect(previousIndex('repeat-all', 3, 0)).toBe(2);
  });

  it('repeats the track in repeat-one mode only when it ends by itself', () => {
    expect(nextIndex('repeat-one', 3, 1, 'auto')).toBe(1);
    expect(nextIndex('repeat-one', 3, 1, 'manual')).toBe(2);
    expect(nextIndex('repeat-one', 3, 2, 'manual')).toBe(0);
  });

  it('restarts instead of going before the first track in sequential mode', () => {
    expect(previousIndex('sequential', 3, 0)).toBeNull();
    expect(previousIndex('sequential', 3, 2)).toBe(1);
  });

  it('has nowhere to go in an empty queue', () => {
    expect(nextIndex('repeat-all', 0, -1, 'manual')).toBeNull();
    expect(previousIndex('repeat-all', 0, -1)).toBeNull();
  });
});
