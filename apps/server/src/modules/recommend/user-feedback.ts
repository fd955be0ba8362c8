import type { FmMode } from '../../db/tables/recommend.ts';
import type { TrackSignals } from './feedback-signals.ts';

/**
 * Everything the recommender reads about one user, keyed by track and artist ids (not model
 * indices: the same facts serve a model trained yesterday, a model trained a minute ago and the
 * no-model fallback). Built by FeedbackRepository.forUsers.
 */
export interface UserFeedback {
  userId: string;
  /** feedback before this moment is ignored as taste (it still counts for the hard filters) */
  resetAt: Date | null;
  /** Private FM's saved mode (read with the reset time, from the same row) */
  fmMode: FmMode;
  /** per track, what the user did since the reset */
  cells: Map<string, TrackSignals>;
  /** per track, the start of the latest playback (any time, reset or not) */
  lastHeard: Map<string, Date>;
  /** tracks whose heart is on now */
  loved: Set<string>;
  /** tracks in the bin and not liked again since (never recommended) */
  trashed: Map<string, Date>;
  blockedArtists: Set<string>;
  seeds: TasteSeeds;
}

export interface TasteSeeds {
  /** lower-cased genres */
  genres: string[];
  artistIds: string[];
}

export function emptyFeedback(userId: string): UserFeedback {
  return {
    userId,
    resetAt: null,
    fmMode: 'default',
    cells: new Map(),
    lastHeard: new Map(),
    loved: new Set(),
    trashed: new Map(),
    blockedArtists: new Set(),
    seeds: { genres: [], artistIds: [] },
  };
}

/** Tracks whose latest playback started at or after `since`. */
export function heardSince(feedback: UserFeedback, since: Date): Set<string> {
  const heard = new Set<string>();
  for (const [trackId, at] of feedback.lastHeard) if (at >= since) heard.add(trackId);
  return heard;
}
