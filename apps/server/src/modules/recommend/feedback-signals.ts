/**
 * What the server knows about one user and one track, turned into the engine's feedback events
 * (engine/signals.ts holds the weights and the confidence curve; this file decides which of the
 * listening log's facts count as which kind of event).
 *
 *   a playback counted (listening/counting-rule.ts) or ended 'finished'  → finish   (+1)
 *   … the same while single-track loop was on (`repeat`)                → loop     (+2)
 *   ended 'skipped' before 30 s or a quarter of the track               → skip     (−1)
 *   anything else (interrupted, skipped later on)                        → nothing
 *   the heart is on                                                      → like     (+3)
 *   the user put it in a playlist of their own                           → collect  (+2)
 *   the user shared it (link or share sheet), however many times         → share    (+2)
 *   the user binned it on Private FM                                     → trash    (−3)
 *   "not interested" on a daily list                                     → 2 × skip (−2)
 *
 * A loop replay is already a full listen, so it counts as a loop alone, not as loop + finish.
 * Dismissal sits between a skip (a wrong moment, often) and the bin (an explicit "never"): it says
 * "not this one today" about a track the user never chose to play.
 */
import type { EndReason } from '../../db/tables/listening.ts';
import type { FeedbackEvent } from './engine/signals.ts';

/** A skip is "early" below this much audio heard, or below EARLY_SKIP_SHARE of the track. */
export const EARLY_SKIP_MS = 30_000;
export const EARLY_SKIP_SHARE = 0.25;
/** Skip events one dismissal counts as. */
export const DISMISS_AS_SKIPS = 2;

export type PlayOutcome = 'loop' | 'finish' | 'skip' | 'neutral';

export interface PlayFacts {
  playedMs: number;
  durationMs: number;
  endReason: EndReason | null;
  repeat: boolean;
  counted: boolean;
}

export function isEarlySkip(playedMs: number, durationMs: number): boolean {
  return playedMs < Math.max(EARLY_SKIP_MS, EARLY_SKIP_SHARE * durationMs);
}

/** The feedback one playback gives. FeedbackRepository counts the same in SQL (its twin). */
export function classifyPlay(play: PlayFacts): PlayOutcome {
  if (play.counted || play.endReason === 'finished') return play.repeat ? 'loop' : 'finish';
  if (play.endReason === 'skipped' && isEarlySkip(play.playedMs, play.durationMs)) return 'skip';
  return 'neutral';
}

/** Everything a user did with one track since their taste reset. */
export interface TrackSignals {
  finishes: number;
  loops: number;
  skips: number;
  dismissals: number;
  liked: boolean;
  collected: boolean;
  /** shared at least once since the reset; repeated shares of one track count once */
  shared: boolean;
  trashed: boolean;
}

export const NO_SIGNALS: TrackSignals = {
  finishes: 0,
  loops: 0,
  skips: 0,
  dismissals: 0,
  liked: false,
  collected: false,
  shared: false,
  trashed: false,
};

/** The engine's events for one (user, item) cell; counts ride on one event per kind. */
export function signalEvents(user: number, item: number, signals: TrackSignals): FeedbackEvent[] {
  const events: FeedbackEvent[] = [];
  const add = (kind: FeedbackEvent['kind'], count: number) => {
    if (count > 0) events.push({ user, item, kind, count });
  };
  add('finish', signals.finishes);
  add('loop', signals.loops);
  add('skip', signals.skips + DISMISS_AS_SKIPS * signals.dismissals);
  add('like', signals.liked ? 1 : 0);
  add('collect', signals.collected ? 1 : 0);
  add('share', signals.shared ? 1 : 0);
  add('trash', signals.trashed ? 1 : 0);
  return events;
}

/** The strongest positive act on a track, for reasons ("because you looped X"). */
export function strongestPositive(signals: TrackSignals): 'looped' | 'liked' | 'finished' | null {
  if (signals.trashed) return null;
  if (signals.loops > 0) return 'looped';
  // Collecting and sharing are endorsements too; reasons word them all as "you liked".
  if (signals.liked || signals.collected || signals.shared) return 'liked';
  if (signals.finishes > 0) return 'finished';
  return null;
}
