import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNAL_WEIGHTS } from './engine/signals.ts';
import { confidenceRows, historyOf, stackRows } from './feedback-matrix.ts';
import {
  classifyPlay,
  DISMISS_AS_SKIPS,
  NO_SIGNALS,
  signalEvents,
  strongestPositive,
  type PlayFacts,
  type TrackSignals,
} from './feedback-signals.ts';
import { emptyFeedback, type UserFeedback } from './user-feedback.ts';

const play = (facts: Partial<PlayFacts>): PlayFacts => ({
  playedMs: 200_000,
  durationMs: 200_000,
  endReason: 'finished',
  repeat: false,
  counted: true,
  ...facts,
});

describe('what a playback says', () => {
  it('counts a finished or counted play as a finish, and as a loop under repeat-one', () => {
    expect(classifyPlay(play({}))).toBe('finish');
    expect(classifyPlay(play({ endReason: 'interrupted', counted: true }))).toBe('finish');
    expect(classifyPlay(play({ repeat: true }))).toBe('loop');
  });

  it('counts only an early skip as negative: under 30 s, or under a quarter of the track', () => {
    expect(classifyPlay(play({ endReason: 'skipped', counted: false, playedMs: 29_999 }))).toBe('skip');
    // 40 s of a 4-minute track is under a quarter: still early
    expect(
      classifyPlay(play({ endReason: 'skipped', counted: false, playedMs: 40_000, durationMs: 240_000 })),
    ).toBe('skip');
    expect(
      classifyPlay(play({ endReason: 'skipped', counted: false, playedMs: 61_000, durationMs: 240_000 })),
    ).toBe('neutral');
    expect(classifyPlay(play({ endReason: 'interrupted', counted: false, playedMs: 5_000 }))).toBe('neutral');
    expect(classifyPlay(play({ endReason: null, counted: false, playedMs: 5_000 }))).toBe('neutral');
  });

  it('never calls a counted play a skip, whatever the numbers', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.boolean(), (playedMs, durationMs, repeat) => {
        const outcome = classifyPlay({ playedMs, durationMs, endReason: 'skipped', repeat, counted: true });
        expect(outcome).toBe(repeat ? 'loop' : 'finish');
      }),
    );
  });
});

const signalsArb: fc.Arbitrary<TrackSignals> = fc.record({
  finishes: fc.nat(50),
  loops: fc.nat(50),
  skips: fc.nat(50),
  dismissals: fc.nat(5),
  liked: fc.boolean(),
  collected: fc.boolean(),
  shared: fc.boolean(),
  trashed: fc.boolean(),
});

describe('signals → engine events', () => {
  it('weighs each act as documented: the events sum to the net score', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const events = signalEvents(3, 7, signals);
        const net = events.reduce((sum, e) => sum + SIGNAL_WEIGHTS[e.kind] * (e.count ?? 1), 0);
        const expected =
          signals.finishes * 1 +
          signals.loops * 2 -
          signals.skips -
          DISMISS_AS_SKIPS * signals.dismissals +
          (signals.liked ? 3 : 0) +
          (signals.collected ? 2 : 0) +
          (signals.shared ? 2 : 0) -
          (signals.trashed ? 3 : 0);
        expect(net).toBe(expected);
        expect(events.every((e) => e.user === 3 && e.item === 7 && (e.count ?? 1) > 0)).toBe(true);
      }),
    );
  });

  it('turns a share into exactly one share event, worth +2', () => {
    expect(signalEvents(1, 2, { ...NO_SIGNALS, shared: true })).toEqual([
      { user: 1, item: 2, kind: 'share', count: 1 },
    ]);
    const events = signalEvents(1, 2, { ...NO_SIGNALS, shared: true, liked: true, finishes: 3 });
    expect(events.filter((e) => e.kind === 'share')).toHaveLength(1);
    expect(SIGNAL_WEIGHTS.share).toBe(2);
  });

  it('emits nothing for a track the user did nothing with', () => {
    expect(signalEvents(0, 0, NO_SIGNALS)).toEqual([]);
  });

  it('names the strongest positive act, and none for a binned track', () => {
    expect(strongestPositive({ ...NO_SIGNALS, loops: 1, liked: true })).toBe('looped');
    expect(strongestPositive({ ...NO_SIGNALS, collected: true, finishes: 4 })).toBe('liked');
    expect(strongestPositive({ ...NO_SIGNALS, shared: true, finishes: 2 })).toBe('liked');
    expect(strongestPositive({ ...NO_SIGNALS, shared: true, trashed: true })).toBeNull();
    expect(strongestPositive({ ...NO_SIGNALS, finishes: 1 })).toBe('finished');
    expect(strongestPositive({ ...NO_SIGNALS, skips: 3 })).toBeNull();
    expect(strongestPositive({ ...NO_SIGNALS, liked: true, trashed: true })).toBeNull();
  });
});

function feedbackWith(userId: string, cells: Record<string, Partial<TrackSignals>>): UserFeedback {
  const feedback = emptyFeedback(userId);
  for (const [trackId, signals] of Object.entries(cells))
    feedback.cells.set(trackId, { ...NO_SIGNALS, ...signals });
  return feedback;
}

describe('feedback → confidences', () => {
  const index = new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]);

  it('gives a loved track more confidence than a played one, and a binned one a negative value', () => {
    const history = historyOf(
      feedbackWith('u', {
        a: { finishes: 1 },
        b: { finishes: 1, liked: true, loops: 2 },
        c: { trashed: true },
      }),
      index,
      3,
    );
    const value = (item: number) => history.values[Array.from(history.items).indexOf(item)]!;
    expect(Array.from(history.items)).toEqual([0, 1, 2]);
    expect(value(1)).toBeGreaterThan(value(0));
    expect(value(0)).toBeGreaterThan(0);
    expect(value(2)).toBeLessThan(0);
  });

  it('leaves out tracks the model does not know', () => {
    const history = historyOf(feedbackWith('u', { a: { finishes: 2 }, new: { finishes: 5 } }), index, 3);
    expect(Array.from(history.items)).toEqual([0]);
  });

  it('gives the same rows whether users are computed in chunks or together', () => {
    const users = [
      feedbackWith('u1', { a: { finishes: 3 }, b: { skips: 2 } }),
      feedbackWith('u2', { b: { liked: true }, c: { finishes: 9, loops: 1 } }),
      feedbackWith('u3', { c: { finishes: 1 } }),
    ];
    const together = confidenceRows(users, index, 3);
    const chunked = stackRows(
      [confidenceRows(users.slice(0, 2), index, 3), confidenceRows(users.slice(2), index, 3)],
      3,
    );
    expect(chunked).toEqual(together);
  });
});
