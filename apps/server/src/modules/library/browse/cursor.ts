/**
 * Opaque keyset cursors: base64url of a small JSON array naming the sort they belong to, the
 * last row's sort key and its id. Every field is checked on the way in because a cursor comes
 * from the client: whatever reaches SQL must already be a well-formed value of the right kind,
 * so a tampered cursor is a 400 and never a database error.
 */

/** What the sort key of a row looks like, and so what a cursor for that sort must carry. */
export type KeyKind =
  /** title_key, sort_name */
  | 'text'
  /** created_at to the microsecond, as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (a JS Date keeps only ms) */
  | 'timestamp'
  /** duration_ms */
  | 'int'
  /** year: an integer, or null for "unknown" (sorted last) */
  | 'nullable-int'
  /** md5 hex of the seeded random order */
  | 'md5';

export type CursorKey = string | number | null;

export interface Cursor {
  /** the sort and direction the cursor was made for, e.g. `title:asc` */
  sort: string;
  key: CursorKey;
  id: string;
  /** the random order's seed, so the next page continues the same shuffle */
  seed?: string;
}

const VERSION = 1;
const MAX_TEXT_KEY = 2000;

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const base64urlPattern = /^[A-Za-z0-9_-]+$/;
const timestampPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const md5Pattern = /^[0-9a-f]{32}$/;
export const seedPattern = /^[A-Za-z0-9_-]{1,64}$/;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

function isInt4(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT4_MIN && value <= INT4_MAX;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A timestamp PostgreSQL will accept: the pattern alone lets through 2026-02-30 or 25:00. */
export function isCursorTimestamp(value: string): boolean {
  const m = timestampPattern.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

export function isValidKey(kind: KeyKind, key: unknown): key is CursorKey {
  switch (kind) {
    case 'text':
      // PostgreSQL text cannot hold NUL; passing one would be a server error.
      return typeof key === 'string' && key.length <= MAX_TEXT_KEY && !key.includes('\u0000');
    case 'timestamp':
      return typeof key === 'string' && isCursorTimestamp(key);
    case 'int':
      return isInt4(key);
    case 'nullable-int':
      return key === null || isInt4(key);
    case 'md5':
      return typeof key === 'string' && md5Pattern.test(key);
  }
}

export function encodeCursor(cursor: Cursor): string {
  const parts: unknown[] = [VERSION, cursor.sort, cursor.key, cursor.id];
  if (cursor.seed !== undefined) parts.push(cursor.seed);
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/**
 * Reads a cursor made for `sort` whose key is of `kind`; null when it is malformed, tampered
 * with or was made for another sort. Never throws.
 */
export function decodeCursor(raw: string, sort: string, kind: KeyKind): Cursor | null {
  if (!base64urlPattern.test(raw)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length < 4 || parsed.length > 5) return null;
  const [version, cursorSort, key, id, seed] = parsed as unknown[];
  if (version !== VERSION || cursorSort !== sort) return null;
  if (typeof id !== 'string' || !isUuid(id)) return null;
  if (!isValidKey(kind, key)) return null;
  if (parsed.length === 5) {
    if (typeof seed !== 'string' || !seedPattern.test(seed)) return null;
    return { sort, key, id, seed };
  }
  return { sort, key, id };
}
