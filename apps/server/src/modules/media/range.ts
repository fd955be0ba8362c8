/**
 * What to send for a `Range` request header (RFC 9110 §14), decided before any byte is read.
 *
 * - `full`: send the whole representation with 200. Used when there is no header, when it is not
 *   a syntactically valid single byte range (a server may ignore Range), for a unit other than
 *   `bytes`, and for multi-range requests: players never send them and a multipart/byteranges
 *   body is not worth its complexity, while answering with the whole file is always correct.
 *   A zero-length file is also always sent whole: no byte range can be expressed for it.
 * - `partial`: send bytes `start..end` inclusive with 206; the end is clamped to the last byte.
 * - `unsatisfiable`: answer 416 with `Content-Range: bytes *\/size`: the first byte is at or past
 *   the end, the suffix length is 0, or the range is reversed (`bytes=5-3`), as nginx does.
 */
export type RangeDecision =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const FULL: RangeDecision = { kind: 'full' };
const UNSATISFIABLE: RangeDecision = { kind: 'unsatisfiable' };
const RANGE_SPEC = /^([0-9]*)-([0-9]*)$/;

export function parseRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined || size <= 0) return FULL;
  const equals = header.indexOf('=');
  if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return FULL;

  // Empty list elements are allowed by the list syntax (RFC 9110 §5.6.1) and skipped.
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  const only = specs.length === 1 ? specs[0] : undefined;
  const match = only === undefined ? null : RANGE_SPEC.exec(only);
  if (!match) return FULL;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return FULL;

  if (first === '') {
    // Suffix range: the last n bytes. Numbers too long for a double become huge or Infinity,
    // which still compare correctly against any real file size.
    const length = Number(last);
    if (length === 0) return UNSATISFIABLE;
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (end < start || start >= size) return UNSATISFIABLE;
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
