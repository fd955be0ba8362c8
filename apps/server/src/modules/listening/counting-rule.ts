/**
 * When a playback counts as a play (toward play counts, rankings and charts):
 *
 *   more than half of the track was heard, or more than 4 minutes of it.
 *
 * "Heard" is the player's `playedMs`: audio actually played in this playback, seeks excluded,
 * so scrubbing to the end does not count. The 4-minute cap lets a long track (a 20-minute
 * suite, a DJ mix) count without playing 10 minutes of it; it is the rule Last.fm scrobbling
 * uses. A track of unknown length (duration 0) counts once anything of it was heard.
 *
 * The threshold is fixed per playback when the playback is first seen (`plays.count_after_ms`)
 * so the database flips `counted` exactly once, without knowing the rule.
 */
export const MAX_COUNT_AFTER_MS = 4 * 60 * 1000;

/** Heard milliseconds a playback must exceed to count. */
export function countAfterMs(durationMs: number): number {
  return Math.min(Math.floor(Math.max(0, durationMs) / 2), MAX_COUNT_AFTER_MS);
}

export function countsAsPlay(playedMs: number, durationMs: number): boolean {
  return playedMs > countAfterMs(durationMs);
}
