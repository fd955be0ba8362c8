import { createHash } from 'node:crypto';

/** The validators of one representation, as sent in `ETag` and `Last-Modified`. */
export interface Validators {
  /** a quoted strong entity tag, e.g. `"abc"` */
  etag: string;
  lastModified: Date;
}

/**
 * A strong entity tag from the facts that identify the bytes (ids, size, mtime, cache key).
 * Strong, because `If-Range` only ever matches strong tags (RFC 9110 §13.1.5) and players
 * resume downloads with it. Hashed so the tag does not spell out paths or timestamps.
 */
export function strongEtag(...parts: (string | number)[]): string {
  return `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;
}

/** HTTP dates have one-second precision; compare on that grid or nothing ever matches. */
function toSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/**
 * Whether a GET/HEAD may be answered with 304 (RFC 9110 §13.2.2): `If-None-Match` with weak
 * comparison wins over `If-Modified-Since`, which is evaluated only when there is no tag list.
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  validators: Validators,
): boolean {
  if (ifNoneMatch !== undefined) {
    const wanted = opaqueTag(validators.etag);
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim())
      .some((tag) => tag === '*' || opaqueTag(tag) === wanted);
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && toSeconds(validators.lastModified) <= Math.floor(since / 1000);
  }
  return false;
}

/**
 * Whether a `Range` header may be honoured given `If-Range` (RFC 9110 §13.1.5): only when the
 * validator still matches exactly (strong tag comparison, or the very same date); otherwise the
 * client's partial copy is stale and it must get the whole representation.
 */
export function rangeStillValid(ifRange: string | undefined, validators: Validators): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('W/')) return false;
  if (value.startsWith('"')) return value === validators.etag;
  const date = Date.parse(value);
  return !Number.isNaN(date) && Math.floor(date / 1000) === toSeconds(validators.lastModified);
}
