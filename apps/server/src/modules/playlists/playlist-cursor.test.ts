import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, readCursor } from './playlist-cursor.ts';

const ID = '0b6f3c2e-8d7a-4c1b-9e5f-2a3b4c5d6e7f';

describe('playlist cursors', () => {
  it('round-trips the values of its kind, doubles exactly', () => {
    const cursor = encodeCursor('square:hot:', [0.1 + 0.2, ID]);
    expect(decodeCursor(cursor, 'square:hot:', ['number', 'uuid'] as const)).toEqual([0.1 + 0.2, ID]);
    const when = '2026-11-23T10:11:12.123456Z';
    expect(
      decodeCursor(encodeCursor('created:x', [when, ID]), 'created:x', ['timestamp', 'uuid'] as const),
    ).toEqual([when, ID]);
  });

  it('refuses a cursor of another kind or list', () => {
    const cursor = encodeCursor('tracks:a', [1, ID]);
    expect(decodeCursor(cursor, 'tracks:b', ['number', 'uuid'] as const)).toBeNull();
    expect(decodeCursor(cursor, 'tracks:a', ['timestamp', 'uuid'] as const)).toBeNull();
    expect(decodeCursor(cursor, 'tracks:a', ['number', 'number', 'uuid'] as const)).toBeNull();
  });

  it('refuses values that could not reach SQL safely', () => {
    const shape = ['timestamp', 'uuid'] as const;
    expect(decodeCursor(encodeCursor('k', ['2026-02-30T00:00:00.000000Z', ID]), 'k', shape)).toBeNull();
    expect(
      decodeCursor(encodeCursor('k', ['2026-01-01T00:00:00.000000Z', "1' or 1=1"]), 'k', shape),
    ).toBeNull();
    expect(decodeCursor(encodeCursor('k', ['1e400', ID]), 'k', ['number', 'uuid'] as const)).toBeNull();
  });

  it('never throws on garbage, and readCursor turns it into a 400', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (raw) => {
        expect(() => decodeCursor(raw, 'k', ['number', 'uuid'] as const)).not.toThrow();
      }),
    );
    expect(() => readCursor('bm90LWEtY3Vyc29y', 'k', ['number', 'uuid'] as const)).toThrow(
      expect.objectContaining({ statusCode: 400, code: 'invalid_cursor' }),
    );
    expect(readCursor(undefined, 'k', ['number'] as const)).toBeNull();
  });
});
