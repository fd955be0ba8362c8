import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';

const timeKey = z.tuple([z.number().int().nonnegative(), z.uuid()]);
const scoreKey = z.tuple([z.number(), z.uuid()]);
const id = 'a0dff6f9-f365-4db1-9d68-70b4008017be';

describe('keyset cursor', () => {
  it('round-trips keys exactly, including doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.uuid(), (score, uuid) => {
        const scope = 'comments:hot:track:x';
        expect(decodeCursor(encodeCursor(scope, [score, uuid]), scope, scoreKey)).toEqual([
          Object.is(score, -0) ? 0 : score,
          uuid,
        ]);
      }),
    );
  });

  it('belongs to one list: another target or sort refuses it', () => {
    const cursor = encodeCursor('comments:new:track:1', [1_700_000_000_000, id]);
    expect(decodeCursor(cursor, 'comments:new:track:1', timeKey)).toEqual([1_700_000_000_000, id]);
    expect(decodeCursor(cursor, 'comments:new:track:2', timeKey)).toBeNull();
    expect(decodeCursor(cursor, 'comments:hot:track:1', scoreKey)).toBeNull();
  });

  it('refuses garbage and forged keys without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (cursor) => {
        expect(decodeCursor(cursor, 'comments:new:track:1', timeKey)).toBeNull();
      }),
    );
    const scope = 'comments:new:track:1';
    const unsigned = Buffer.from(JSON.stringify(['x', 1, id])).toString('base64url');
    expect(decodeCursor(unsigned, scope, timeKey)).toBeNull();
    expect(decodeCursor(encodeCursor(scope, [1, "'; DROP TABLE comments; --"]), scope, timeKey)).toBeNull();
    expect(decodeCursor(encodeCursor(scope, [-5, id]), scope, timeKey)).toBeNull();
    expect(decodeCursor(encodeCursor(scope, [1.5, id, 'extra']), scope, timeKey)).toBeNull();
    expect(decodeCursor('x'.repeat(301), scope, timeKey)).toBeNull();
  });
});
