import { describe, expect, it } from 'vitest';
import { afterTrackIdFor, moveInPages, moveItem, removeFromPages } from './playlist-order.ts';

describe('a drag in a playlist', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('moves the item to its new place', () => {
    expect(moveItem(ids, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(ids, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(ids, 1, 1)).toEqual(ids);
    expect(moveItem(ids, 1, 9)).toEqual(ids);
  });

  it('names the track the moved one now follows', () => {
    // down: it lands after the row it was dropped below
    expect(afterTrackIdFor(ids, 0, 2)).toBe('c');
    expect(afterTrackIdFor(ids, 0, 3)).toBe('d');
    // up: it lands after the row above the drop place
    expect(afterTrackIdFor(ids, 3, 1)).toBe('a');
    expect(afterTrackIdFor(ids, 2, 1)).toBe('a');
    // to the top: it follows nothing
    expect(afterTrackIdFor(ids, 2, 0)).toBeNull();
  });

  it('keeps the pages their sizes when a row moves across them', () => {
    expect(
      moveInPages(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        0,
        3,
      ),
    ).toEqual([
      ['b', 'c'],
      ['d', 'a'],
    ]);
  });

  it('takes removed rows out of whichever page holds them', () => {
    expect(removeFromPages([['a', 'b'], ['c']], (x) => x === 'b' || x === 'c')).toEqual([['a'], []]);
  });
});
