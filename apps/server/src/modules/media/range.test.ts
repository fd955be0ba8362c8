import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRange, type RangeDecision } from './range.ts';

const FULL: RangeDecision = { kind: 'full' };
const UNSATISFIABLE: RangeDecision = { kind: 'unsatisfiable' };

/**
 * The documented rules written the slow, obvious way: a regular expression for the unit,
 * a character loop for the digits and BigInt arithmetic, so precision tricks in the real
 * parser cannot hide behind the same tricks here.
 */
function model(header: string | undefined, size: number): RangeDecision {
  if (header === undefined || size === 0) return FULL;
  const unit = /^\s*bytes\s*=([\s\S]*)$/i.exec(header);
  if (!unit) return FULL;
  const specs = (unit[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (specs.length !== 1) return FULL;
  const spec = specs[0]!;
  const dash = spec.indexOf('-');
  if (dash < 0) return FULL;
  const first = spec.slice(0, dash);
  const last = spec.slice(dash + 1);
  const digitsOnly = (s: string) => [...s].every((c) => c >= '0' && c <= '9');
  if (!digitsOnly(first) || !digitsOnly(last) || (first === '' && last === '')) return FULL;
  const n = BigInt(size);
  const partial = (start: bigint, end: bigint): RangeDecision => ({
    kind: 'partial',
    start: Number(start),
    end: Number(end),
  });
  if (first === '') {
    const length = BigInt(last);
    if (length === 0n) return UNSATISFIABLE;
    return partial(length >= n ? 0n : n - length, n - 1n);
  }
  const start = BigInt(first);
  const end = last === '' ? n - 1n : BigInt(last);
  if (end < start || start >= n) return UNSATISFIABLE;
  return partial(start, end < n ? end : n - 1n);
}

const sizes = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 64 }),
  fc.integer({ min: 1, max: 100_000_000 }),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);

/** A position as a client would write it, possibly relative to the size so edges get hit. */
type Position = (size: number) => string;

const positions: fc.Arbitrary<Position> = fc.oneof(
  fc.nat({ max: 100 }).map((n) => () => String(n)),
  fc.constantFrom(-1, 0, 1).map((delta) => (size: number) => String(Math.max(0, size + delta))),
  fc.constant((size: number) => String(Math.floor(size / 2))),
  fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 999 })).map(
    ([zeros, n]) =>
      () =>
        '0'.repeat(zeros) + String(n),
  ),
  fc.array(fc.constantFrom(...'0123456789'), { minLength: 15, maxLength: 40 }).map((d) => () => d.join('')),
);

type Spec = (size: number) => string;

const specs: fc.Arbitrary<Spec> = fc.oneof(
  fc.tuple(positions, positions).map(
    ([a, b]) =>
      (size: number) =>
        `${a(size)}-${b(size)}`,
  ),
  positions.map((a) => (size: number) => `${a(size)}-`),
  positions.map((b) => (size: number) => `-${b(size)}`),
  fc
    .constantFrom('-', '', ' ', 'a-b', '1-2-3', '-0', '--5', '+1-2', '1 - 2', '0x10-20', '١-٢')
    .map((s) => () => s),
  fc.tuple(fc.constantFrom(' ', '\t', ''), positions, fc.constantFrom(' ', '\t', '')).map(
    ([l, a, r]) =>
      (size: number) =>
        `${l}${a(size)}-${r}`,
  ),
);

const structured = fc
  .tuple(
    fc.constantFrom('bytes', 'Bytes', 'BYTES', ' bytes', 'bytes ', 'byte', 'items', '', 'bytes='),
    fc.constantFrom('=', ' = ', '', '=='),
    fc.array(specs, { minLength: 0, maxLength: 3 }),
    fc.constantFrom(',', ', ', ' ,', ',,'),
  )
  .map(
    ([unit, equals, list, separator]) =>
      (size: number) =>
        `${unit}${equals}${list.map((spec) => spec(size)).join(separator)}`,
  );

const headers: fc.Arbitrary<(size: number) => string | undefined> = fc.oneof(
  { weight: 6, arbitrary: structured },
  { weight: 1, arbitrary: fc.constant(() => undefined) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map((s) => () => s) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }).map((s) => () => s) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => () => `bytes=${s}`) },
);

const cases = fc.tuple(sizes, headers).map(([size, header]) => ({ size, header: header(size) }));

describe('parseRange', () => {
  it('matches the reference model on random sizes and headers, garbage included', () => {
    fc.assert(
      fc.property(cases, ({ size, header }) => {
        expect(parseRange(header, size)).toEqual(model(header, size));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and only ever returns byte positions inside the file', () => {
    fc.assert(
      fc.property(cases, ({ size, header }) => {
        const decision = parseRange(header, size);
        if (decision.kind === 'partial') {
          expect(Number.isSafeInteger(decision.start)).toBe(true);
          expect(decision.start).toBeGreaterThanOrEqual(0);
          expect(decision.end).toBeGreaterThanOrEqual(decision.start);
          expect(decision.end).toBeLessThan(size);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['bytes=0-0', 100, { kind: 'partial', start: 0, end: 0 }],
    ['bytes=10-19', 100, { kind: 'partial', start: 10, end: 19 }],
    ['bytes=90-', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-1000', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=50-1000', 100, { kind: 'partial', start: 50, end: 99 }],
    ['bytes=100-', 100, UNSATISFIABLE],
    ['bytes=-0', 100, UNSATISFIABLE],
    ['bytes=5-3', 100, UNSATISFIABLE],
    ['bytes=0-1,5-6', 100, FULL],
    ['items=0-1', 100, FULL],
    ['bytes=abc', 100, FULL],
    ['bytes=0-', 0, FULL],
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
