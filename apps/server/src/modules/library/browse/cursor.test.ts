import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isCursorTimestamp, type Cursor, type KeyKind } from './cursor.ts';

const kinds: KeyKind[] = ['text', 'timestamp', 'int', 'nullable-int', 'md5'];
const id = '0b7e4c2a-3f1d-4e5a-9c8b-1a2b3c4d5e6f';

const timestamp = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((date) =>
    fc
      .integer({ min: 0, max: 999 })
      .map((micros) => date.toISOString().replace(/Z$/, `${String(micros).padStart(3, '0')}Z`)),
  );

const keyOf: Record<KeyKind, fc.Arbitrary<string | number | null>> = {
  text: fc.string({ maxLength: 200, unit: 'grapheme' }).filter((s) => !s.includes('\u0000')),
  timestamp,
  int: fc.integer({ min: -2147483648, max: 2147483647 }),
  'nullable-int': fc.option(fc.integer({ min: -2147483648, max: 2147483647 })),
  md5: fc.stringMatching(/^[0-9a-f]{32}$/),
};

describe('cursor', () => {
  it('never throws on arbitrary input, whatever the expected kind', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...kinds), (raw, kind) => {
        expect(() => decodeCursor(raw, 'title:asc', kind)).not.toThrow();
      }),
    );
  });

  it('never throws on arbitrary JSON dressed as a cursor', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...kinds), (value, kind) => {
        const raw = Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url');
        expect(() => decodeCursor(raw, 'title:asc', kind)).not.toThrow();
      }),
    );
  });

  for (const kind of kinds) {
    it(`round-trips a ${kind} key`, () => {
      fc.assert(
        fc.property(
          keyOf[kind],
          fc.uuid(),
          fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)),
          (key, uuid, seed) => {
            const cursor: Cursor = { sort: 'any:desc', key, id: uuid, ...(seed === null ? {} : { seed }) };
            expect(decodeCursor(encodeCursor(cursor), 'any:desc', kind)).toEqual(cursor);
          },
        ),
      );
    });
  }

  it('is opaque base64url', () => {
    expect(encodeCursor({ sort: 'title:asc', key: '晴天', id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects a cursor made for another sort or direction', () => {
    const raw = encodeCursor({ sort: 'title:asc', key: 'abc', id });
    expect(decodeCursor(raw, 'title:asc', 'text')).not.toBeNull();
    expect(decodeCursor(raw, 'title:desc', 'text')).toBeNull();
    expect(decodeCursor(raw, 'newest:asc', 'timestamp')).toBeNull();
  });

  it('rejects keys of the wrong kind and ids that are not uuids', () => {
    const raw = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    expect(decodeCursor(raw([1, 's', 'abc', id]), 's', 'int')).toBeNull();
    expect(decodeCursor(raw([1, 's', 1.5, id]), 's', 'int')).toBeNull();
    expect(decodeCursor(raw([1, 's', 2 ** 31, id]), 's', 'int')).toBeNull();
    expect(decodeCursor(raw([1, 's', null, id]), 's', 'int')).toBeNull();
    expect(decodeCursor(raw([1, 's', null, id]), 's', 'nullable-int')).not.toBeNull();
    expect(decodeCursor(raw([1, 's', 'a\u0000b', id]), 's', 'text')).toBeNull();
    expect(decodeCursor(raw([1, 's', 'abc', 'not-a-uuid']), 's', 'text')).toBeNull();
    expect(decodeCursor(raw([1, 's', 'abc', `${id}'; drop table tracks`]), 's', 'text')).toBeNull();
    expect(decodeCursor(raw([2, 's', 'abc', id]), 's', 'text')).toBeNull();
    expect(decodeCursor(raw([1, 's', 'abc', id, 'bad seed!']), 's', 'text')).toBeNull();
    expect(decodeCursor(raw([1, 's', 'ABCDEF0123456789abcdef0123456789', id]), 's', 'md5')).toBeNull();
  });

  it('accepts only timestamps PostgreSQL can read', () => {
    expect(isCursorTimestamp('2026-11-22T10:20:30.123456Z')).toBe(true);
    expect(isCursorTimestamp('2024-02-29T00:00:00.000000Z')).toBe(true);
    expect(isCursorTimestamp('2023-02-29T00:00:00.000000Z')).toBe(false);
    expect(isCursorTimestamp('2026-13-01T00:00:00.000000Z')).toBe(false);
    expect(isCursorTimestamp('2026-04-31T00:00:00.000000Z')).toBe(false);
    expect(isCursorTimestamp('2026-01-01T24:00:00.000000Z')).toBe(false);
    expect(isCursorTimestamp('2026-01-01T00:00:00.000Z')).toBe(false);
    expect(isCursorTimestamp('0000-01-01T00:00:00.000000Z')).toBe(false);
  });
});
