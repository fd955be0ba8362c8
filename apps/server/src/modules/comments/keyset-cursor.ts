import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from '../../http/errors.ts';

/**
 * Opaque page cursors for keyset pagination: the sort key of the last item shown, tied to the
 * list it came from (a scope such as `comments:new:track:<id>`), so a cursor pasted onto
 * another list or sort is refused instead of silently skipping items. Each list states the
 * shape of its key as a zod tuple; anything else decodes to null.
 */

export const MAX_CURSOR_CHARS = 300;

function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 10);
}

export function encodeCursor(scope: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([fingerprint(scope), ...key])).toString('base64url');
}

/** The key a cursor holds, or null when it is malformed, forged or from another list. */
export function decodeCursor<T extends z.ZodType>(cursor: string, scope: string, key: T): z.infer<T> | null {
  if (cursor.length > MAX_CURSOR_CHARS) return null;
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(tuple) || tuple[0] !== fingerprint(scope)) return null;
  const parsed = key.safeParse(tuple.slice(1));
  return parsed.success ? parsed.data : null;
}

/** The key of lists ordered by a timestamp: [milliseconds, id]. */
export const timeKeySchema = z.tuple([z.number().int().nonnegative(), z.uuid()]);

export interface TimePosition {
  at: number;
  id: string;
}

/** Reads a [ms, id] cursor; throws 400 `invalid_cursor` for one that is not of this list. */
export function timePosition(cursor: string | undefined, scope: string): TimePosition | null {
  if (!cursor) return null;
  const key = decodeCursor(cursor, scope, timeKeySchema);
  if (!key) throw invalidCursor();
  return { at: key[0], id: key[1] };
}

export const invalidCursor = () => badRequest('invalid_cursor', 'This cursor does not belong to this list');

/**
 * One page from `limit + 1` rows fetched: the first `limit`, and a cursor after the last of
 * them when the extra row shows there is more.
 */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  scope: string,
  key: (row: T) => readonly unknown[],
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(scope, key(last)) : null,
  };
}

/** The page size asked for, within 1 and the list's maximum. */
export function pageSize(
  requested: number | undefined,
  limits: { defaultPage: number; maxPage: number },
): number {
  return Math.min(limits.maxPage, Math.max(1, Math.trunc(requested ?? limits.defaultPage)));
}
