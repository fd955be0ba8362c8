import { badRequest } from '../../http/errors.ts';
import { decodeCursor, encodeCursor } from '../library/browse/cursor.ts';
import type { Keyset } from '../library/browse/keyset.ts';

/**
 * Keyset pages of "most recent first" lists (likes, history): ordered by a timestamp to the
 * microsecond, then id. The cursor is the library's opaque cursor, tagged with the list it
 * belongs to so a likes cursor is refused by history.
 */
export interface NewestFirstRow {
  id: string;
  /** the timestamp as `YYYY-MM-DDTHH:MM:SS.ffffffZ` (library keyset `timestampKey`) */
  key: string;
}

/** The position to continue after; an undefined cursor starts at the top, a bad one is a 400. */
export function readCursor(raw: string | undefined, list: string): Keyset | null {
  if (raw === undefined) return null;
  const cursor = decodeCursor(raw, list, 'timestamp');
  if (!cursor) throw badRequest('invalid_cursor', 'This cursor does not belong to this list');
  return { key: cursor.key, id: cursor.id };
}

/** Trims the `limit + 1` rows a repository fetched to a page, and the cursor of the next. */
export function toPage<T>(
  rows: readonly T[],
  limit: number,
  list: string,
  position: (row: T) => NewestFirstRow,
): { rows: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  if (rows.length <= limit || last === undefined) return { rows: shown, nextCursor: null };
  return { rows: shown, nextCursor: cursorAt(list, position(last)) };
}

/** The cursor that continues `list` after `row`. */
export function cursorAt(list: string, row: NewestFirstRow): string {
  return encodeCursor({ sort: list, key: row.key, id: row.id });
}
