import { badRequest } from '../../http/errors.ts';
import { isCursorTimestamp, isUuid } from '../library/browse/cursor.ts';

/**
 * Opaque keyset cursors for the playlist lists: base64url of a JSON array
 * `[version, kind, ...values]`, where the values are the sort key of the last row shown and
 * its id. A cursor comes from the client, so each value is checked against the shape its kind
 * expects before it can reach SQL; a cursor of another kind (or list) is refused.
 */

/** number: a finite double; timestamp: microsecond UTC text (see browse/keyset timestampKey) */
export type CursorPart = 'number' | 'timestamp' | 'uuid';
type Value<P extends CursorPart> = P extends 'number' ? number : string;
export type CursorValues<S extends readonly CursorPart[]> = { [K in keyof S]: Value<S[K]> };

const VERSION = 1;
const MAX_CURSOR_CHARS = 500;

export function encodeCursor(kind: string, values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([VERSION, kind, ...values]), 'utf8').toString('base64url');
}

function valid(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'timestamp':
      return typeof value === 'string' && isCursorTimestamp(value);
    case 'uuid':
      return typeof value === 'string' && isUuid(value);
  }
}

/** The values of a cursor of `kind` shaped like `shape`, or null when it is anything else. */
export function decodeCursor<const S extends readonly CursorPart[]>(
  raw: string,
  kind: string,
  shape: S,
): CursorValues<S> | null {
  if (raw.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 2) return null;
  const [version, cursorKind, ...values] = parsed as unknown[];
  if (version !== VERSION || cursorKind !== kind) return null;
  return shape.every((part, i) => valid(part, values[i])) ? (values as CursorValues<S>) : null;
}

/** decodeCursor for a request: no cursor is the first page, a bad one is a 400. */
export function readCursor<const S extends readonly CursorPart[]>(
  raw: string | undefined,
  kind: string,
  shape: S,
): CursorValues<S> | null {
  if (raw === undefined) return null;
  const values = decodeCursor(raw, kind, shape);
  if (!values) throw badRequest('invalid_cursor', 'The cursor is malformed or belongs to another list');
  return values;
}
