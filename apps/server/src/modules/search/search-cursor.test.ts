import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, queryFingerprint } from './search-cursor.ts';

const at = {
  rank: 4,
  similarity: 0.7777777910232544,
  popularity: 12.5,
  nameLength: 2,
  refId: 'a0dff6f9-f365-4db1-9d68-70b4008017be',
};

describe('search cursor', () => {
  it('round-trips the ranking position exactly', () => {
    const print = queryFingerprint('track', 'qingtian');
    expect(decodeCursor(encodeCursor(print, at), print)).toEqual(at);
  });

  it('belongs to one query and one type', () => {
    const cursor = encodeCursor(queryFingerprint('track', 'qingtian'), at);
    expect(decodeCursor(cursor, queryFingerprint('track', 'qt'))).toBeNull();
    expect(decodeCursor(cursor, queryFingerprint('album', 'qingtian'))).toBeNull();
  });

  it('refuses anything else without throwing', () => {
    const print = queryFingerprint('track', 'x');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (cursor) => {
        expect(decodeCursor(cursor, print)).toBeNull();
      }),
    );
    const forged = Buffer.from(JSON.stringify([print, 1, 0, 0, 1, "'; DROP TABLE tracks; --"])).toString(
      'base64url',
    );
    expect(decodeCursor(forged, print)).toBeNull();
  });
});
