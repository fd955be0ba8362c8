import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endSlackMs, parseEvent, validateBatch, type BatchFacts } from './event-validation.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const USER = '11111111-1111-4111-8111-111111111111';
const TRACK = '22222222-2222-4222-8222-222222222222';
const OTHER_TRACK = '33333333-3333-4333-8333-333333333333';
const UNKNOWN_TRACK = '44444444-4444-4444-8444-444444444444';
const DURATION = 200_000;
const facts: BatchFacts = {
  durations: new Map([
    [TRACK, DURATION],
    [OTHER_TRACK, 60_000],
  ]),
  playbacks: new Map([['55555555-5555-4555-8555-555555555555', { userId: 'someone-else', trackId: TRACK }]]),
};
const lookup = async () => facts;

const uuidFor = (n: number, kind: number) =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidFor(1, 1),
    playbackId: uuidFor(1, 2),
    type: 'progress',
    trackId: TRACK,
    at: NOW.toISOString(),
    positionMs: 1_000,
    playedMs: 1_000,
    repeat: false,
    source: { type: 'album', id: uuidFor(1, 3) },
    ...overrides,
  };
}

/** Ways to break a valid event, each with the code it must be rejected with. */
const breakages: [string, (e: Record<string, unknown>) => unknown][] = [
  ['invalid_event', (e) => ({ ...e, positionMs: -1 })],
  ['invalid_event', (e) => ({ ...e, playedMs: -5 })],
  ['invalid_event', (e) => ({ ...e, id: 'not-a-uuid' })],
  ['invalid_event', (e) => ({ ...e, type: 'pause' })],
  ['invalid_event', (e) => ({ ...e, at: 'yesterday' })],
  ['invalid_event', (e) => ({ ...e, repeat: undefined })],
  ['invalid_event', (e) => ({ ...e, client: 'x'.repeat(65) })],
  ['invalid_event', () => 'not an object'],
  ['invalid_event', () => null],
  ['end_reason_not_allowed', (e) => ({ ...e, type: 'start', endReason: 'finished' })],
  ['end_reason_required', (e) => ({ ...e, type: 'end', endReason: undefined })],
  ['at_in_future', (e) => ({ ...e, at: new Date(NOW.getTime() + 6 * 60_000).toISOString() })],
  ['at_too_old', (e) => ({ ...e, at: new Date(NOW.getTime() - 31 * 24 * 3_600_000).toISOString() })],
  ['invalid_source', (e) => ({ ...e, source: { type: 'playlist', id: 'my-list' } })],
  ['unknown_track', (e) => ({ ...e, trackId: UNKNOWN_TRACK })],
  ['beyond_track_end', (e) => ({ ...e, positionMs: DURATION + endSlackMs(DURATION) + 1 })],
  ['beyond_track_end', (e) => ({ ...e, playedMs: DURATION + endSlackMs(DURATION) + 1 })],
  ['playback_mismatch', (e) => ({ ...e, playbackId: '55555555-5555-4555-8555-555555555555' })],
];

const validEvent = (n: number) =>
  fc
    .record({
      type: fc.constantFrom('start', 'progress', 'end'),
      endReason: fc.constantFrom('finished', 'skipped', 'interrupted'),
      positionMs: fc.integer({ min: 0, max: DURATION + endSlackMs(DURATION) }),
      playedMs: fc.integer({ min: 0, max: DURATION + endSlackMs(DURATION) }),
      ageMs: fc.integer({ min: -5 * 60_000, max: 29 * 24 * 3_600_000 }),
      repeat: fc.boolean(),
      source: fc.constantFrom(
        { type: 'search' },
        { type: 'playlist', id: uuidFor(n, 3) },
        { type: 'share', id: 'abc' },
        { type: 'fm' },
      ),
      client: fc.option(fc.string({ maxLength: 64 }), { nil: undefined }),
    })
    .map(({ type, endReason, ageMs, ...rest }) =>
      event({
        ...rest,
        id: uuidFor(n, 1),
        playbackId: uuidFor(n, 2),
        type,
        at: new Date(NOW.getTime() - ageMs).toISOString(),
        ...(type === 'end' ? { endReason } : {}),
      }),
    );

describe('validating a batch', () => {
  it('accepts every valid event and rejects every invalid one with its index and code', async () => {
    const entry = (n: number) =>
      fc.oneof(
        validEvent(n).map((e) => ({ raw: e as unknown, expected: 'valid' })),
        fc
          .tuple(validEvent(n), fc.constantFrom(...breakages))
          .map(([e, [code, breakIt]]) => ({ raw: breakIt(e), expected: code })),
      );
    const batch = fc
      .integer({ min: 1, max: 60 })
      .chain((size) => fc.tuple(...Array.from({ length: size }, (_, n) => entry(n))));
    await fc.assert(
      fc.asyncProperty(batch, async (entries) => {
        const result = await validateBatch(
          entries.map((e) => e.raw),
          USER,
          NOW,
          lookup,
        );
        const validIds = entries.flatMap((e) =>
          e.expected === 'valid' ? [(e.raw as { id: string }).id] : [],
        );
        expect(result.events.map((e) => e.id)).toEqual(validIds);
        expect(result.rejected.map((r) => [r.index, r.code])).toEqual(
          entries.flatMap((e, index) => (e.expected === 'valid' ? [] : [[index, e.expected]])),
        );
        expect(result.duplicates).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the first of repeated ids and counts the rest as duplicates', async () => {
    const result = await validateBatch(
      [event(), event(), event({ id: uuidFor(2, 1) }), event()],
      USER,
      NOW,
      lookup,
    );
    expect(result.events.map((e) => e.id)).toEqual([uuidFor(1, 1), uuidFor(2, 1)]);
    expect(result.duplicates).toBe(2);
    expect(result.rejected).toEqual([]);
  });

  it('rejects a later event that moves a playback to another track', async () => {
    const result = await validateBatch(
      [event(), event({ id: uuidFor(2, 1), trackId: OTHER_TRACK, positionMs: 0, playedMs: 0 })],
      USER,
      NOW,
      lookup,
    );
    expect(result.events).toHaveLength(1);
    expect(result.rejected).toEqual([
      { index: 1, id: uuidFor(2, 1), code: 'playback_mismatch', message: expect.any(String) },
    ]);
  });

  it('names the field of a malformed event', () => {
    const result = parseEvent(event({ positionMs: -1 }), NOW);
    expect(result).toEqual({
      ok: false,
      code: 'invalid_event',
      message: expect.stringMatching(/^positionMs: /),
    });
  });

  it('reads ids in lower case, as the database returns them', () => {
    const result = parseEvent(event({ id: uuidFor(10, 1).toUpperCase() }), NOW);
    expect(result.ok && result.event.id).toBe(uuidFor(10, 1));
  });

  it('asks the database nothing when no event passed the first checks', async () => {
    let asked = false;
    const result = await validateBatch([{}, 1], USER, NOW, async () => {
      asked = true;
      return facts;
    });
    expect(asked).toBe(false);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1]);
  });
});
