import type { PlayMode } from './types.ts';

/**
 * Why the engine moves on: `auto` when a track ended by itself, `manual` when the user pressed
 * next. Repeat-one only repeats on `auto`; a press of "next" still moves on.
 */
export type AdvanceReason = 'auto' | 'manual';

/**
 * The index to play after `current` in a queue of `length` entries for the non-shuffle modes,
 * or null when playback should stop (the end of a sequential queue).
 */
export function nextIndex(
  mode: PlayMode,
  length: number,
  current: number,
  reason: AdvanceReason,
): number | null {
  if (length === 0) return null;
  if (current < 0) return 0;
  if (mode === 'repeat-one' && reason === 'auto') return current;
  if (current + 1 < length) return current + 1;
  return mode === 'sequential' ? null : 0;
}

/** The index "previous" goes to, or null when it should restart the current track instead. */
export function previousIndex(mode: PlayMode, length: number, current: number): number | null {
  if (length === 0 || current < 0) return null;
  if (current > 0) return current - 1;
  return mode === 'sequential' ? null : length - 1;
}

/** Past this many seconds into a track, "previous" restarts it rather than going back. */
export const RESTART_THRESHOLD_SECONDS = 3;
