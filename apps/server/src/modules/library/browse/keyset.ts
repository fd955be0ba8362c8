import { sql, type RawBuilder } from 'kysely';
import type { CursorKey } from './cursor.ts';

/**
 * SQL fragments for keyset pagination over (sort column, id). Written as a row comparison
 * `(col, id) > ($1, $2)` so PostgreSQL walks the (col, id) indexes of the foundation migration
 * instead of counting past skipped rows.
 */
export type Direction = 'asc' | 'desc';

export interface SortColumn {
  /** the expression ordered by, e.g. t.title_key */
  expr: RawBuilder<unknown>;
  /** the same value as the cursor carries it (may differ from expr, e.g. a timestamp as text) */
  key: RawBuilder<CursorKey>;
  /** the SQL type a cursor key is cast to before comparing, when text would not do */
  cast?: 'timestamptz';
  /** nullable columns sort their nulls last in both directions ("unknown year" at the end) */
  nullable?: boolean;
}

export interface Keyset {
  key: CursorKey;
  id: string;
}

/** Rows strictly after the cursor in (col dir nulls last, id dir) order. */
export function after(
  col: SortColumn,
  id: RawBuilder<unknown>,
  dir: Direction,
  from: Keyset,
): RawBuilder<boolean> {
  const op = sql.raw(dir === 'asc' ? '>' : '<');
  const lastId = sql`cast(${from.id} as uuid)`;
  if (from.key === null) return sql<boolean>`(${col.expr} is null and ${id} ${op} ${lastId})`;
  const key = col.cast ? sql`cast(${from.key} as ${sql.raw(col.cast)})` : sql`${from.key}`;
  const row = sql<boolean>`(${col.expr}, ${id}) ${op} (${key}, ${lastId})`;
  return col.nullable ? sql<boolean>`(${row} or ${col.expr} is null)` : row;
}

/**
 * The matching ORDER BY. `nulls last` is written only for nullable columns: on a NOT NULL
 * column it would stop a descending scan of the index.
 */
export function orderBy(col: SortColumn, id: RawBuilder<unknown>, dir: Direction): RawBuilder<unknown> {
  const d = sql.raw(dir);
  return col.nullable ? sql`${col.expr} ${d} nulls last, ${id} ${d}` : sql`${col.expr} ${d}, ${id} ${d}`;
}

/** created_at to the microsecond in UTC: a JS Date would drop the microseconds and skip rows. */
export function timestampKey(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
