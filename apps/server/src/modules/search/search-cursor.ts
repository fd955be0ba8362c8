import { createHash } from 'node:crypto';
import type { RankPosition } from './search.repository.ts';

/**
 * An opaque page cursor: the ranking tuple of the last hit shown, tied to the query it came
 * from so a cursor pasted onto another query is refused rather than silently skipping hits.
 */

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which query and type a cursor belongs to. */
export function queryFingerprint(type: string, compactQuery: string): string {
  return createHash('sha256').update(`${type}\u0000${compactQuery}`).digest('base64url').slice(0, 10);
}

export function encodeCursor(fingerprint: string, at: RankPosition): string {
  const tuple = [fingerprint, at.rank, at.similarity, at.popularity, at.nameLength, at.refId];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/** The position a cursor points after, or null when it is malformed or from another query. */
export function decodeCursor(cursor: string, fingerprint: string): RankPosition | null {
  if (cursor.length > 300) return null;
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(tuple) || tuple.length !== 6) return null;
  const [print, rank, similarity, popularity, nameLength, refId] = tuple as unknown[];
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (print !== fingerprint) return null;
  if (!finite(rank) || !Number.isInteger(rank) || !finite(similarity) || !finite(popularity)) return null;
  if (
    !finite(nameLength) ||
    !Number.isInteger(nameLength) ||
    Math.abs(rank) > 100 ||
    Math.abs(nameLength) > 1e6
  ) {
    return null;
  }
  if (typeof refId !== 'string' || !UUID_RE.test(refId)) return null;
  return { rank, similarity, popularity, nameLength, refId };
}
