import type { FmMode } from '../../db/tables/recommend.ts';
import type { Clock } from '../../platform/clock.ts';
import { fromModel, reasonFor, type Candidate, type CandidatePools } from './candidate-pools.ts';
import { passesHardRules } from './daily-mix.ts';
import type { FeedbackRepository } from './feedback.repository.ts';
import { rankForFm } from './fm-ranking.ts';
import type { FmRepository } from './fm.repository.ts';
import { exclusionMask, scoreUser } from './model-candidates.ts';
import type { ModelStore } from './model-store.ts';
import type { Reason } from './reason.ts';
import type { RecommendationViews, Recommended } from './recommendation-views.ts';
import { heardSince, type UserFeedback } from './user-feedback.ts';

const HOUR = 3_600_000;
/** A track the FM served is not served again for this long (unless nothing else is left). */
export const FM_NO_REPEAT_HOURS = 24;
/** Nor is a track the user played recently, from anywhere. */
export const FM_RECENTLY_PLAYED_HOURS = 3;
export const FM_MAX_COUNT = 10;
const COLD_POOL = 100;

export interface FmBatch {
  mode: FmMode;
  items: Recommended[];
}

interface FmPick {
  candidate: Candidate;
  reason: Reason;
}

/**
 * Private FM: an endless stream, a few tracks per request. Every request folds the user in from
 * their latest feedback, so a heart or a bin from a moment ago shapes the next tracks.
 */
export class FmService {
  constructor(
    private readonly feedback: Pick<FeedbackRepository, 'forUser'>,
    private readonly served: FmRepository,
    private readonly pools: Pick<CandidatePools, 'forUser'>,
    private readonly models: Pick<ModelStore, 'current'>,
    private readonly views: Pick<RecommendationViews, 'load'>,
    private readonly clock: Clock,
  ) {}

  /** The next `count` tracks; `mode` defaults to the one saved in the user's taste settings. */
  async next(userId: string, count: number, mode?: FmMode): Promise<FmBatch> {
    const now = this.clock.now();
    const [feedback, recent] = await Promise.all([
      this.feedback.forUser(userId),
      this.served.servedSince(userId, new Date(now.getTime() - FM_NO_REPEAT_HOURS * HOUR)),
    ]);
    const chosenMode = mode ?? feedback.fmMode;
    const picks = await this.pick(feedback, recent, chosenMode, count, now);
    const served = picks.map((p) => ({ trackId: p.candidate.trackId, reason: p.reason }));
    const [items] = await Promise.all([
      this.views.load(served),
      this.served.record(userId, chosenMode, now, served),
    ]);
    return { mode: chosenMode, items };
  }

  /** The FM's ranking for a user, best first, with scores (for tests and diagnostics). */
  async rank(userId: string, mode: FmMode): Promise<{ trackId: string; score: number }[]> {
    const [feedback, loaded] = await Promise.all([this.feedback.forUser(userId), this.models.current()]);
    const scored = loaded ? scoreUser(loaded, feedback) : null;
    if (!loaded || !scored) return [];
    const mask = exclusionMask(loaded, feedback, scored.history);
    return rankForFm(scored, feedback, mode, mask).map((c) => ({ trackId: c.trackId, score: c.score }));
  }

  private async pick(
    feedback: UserFeedback,
    served: Map<string, Date>,
    mode: FmMode,
    count: number,
    now: Date,
  ): Promise<FmPick[]> {
    const recentlyPlayed = heardSince(feedback, new Date(now.getTime() - FM_RECENTLY_PLAYED_HOURS * HOUR));
    const loaded = await this.models.current();
    const scored = loaded ? scoreUser(loaded, feedback) : null;
    if (loaded && scored) {
      const mask = exclusionMask(loaded, feedback, scored.history, recentlyPlayed);
      const ranked = rankForFm(scored, feedback, mode, mask).map((c) =>
        fromModel(c, mode === 'discovery' || !c.familiarArtist ? 'discovery' : 'familiar'),
      );
      return take(ranked, served, count).map((candidate) => ({
        candidate,
        reason: reasonFor(candidate, { scored, seedScored: null }, feedback),
      }));
    }
    // Cold start: popular within the user's choices, their neighbours, new releases, hits.
    const pools = await this.pools.forUser(loaded, feedback, {
      size: COLD_POOL,
      now,
      exclude: recentlyPlayed,
    });
    const ranked = [...interleave(pools.familiar, pools.discovery), ...pools.fresh, ...pools.fallback].filter(
      (c) => !recentlyPlayed.has(c.trackId) && passesHardRules(c, feedback),
    );
    return take(ranked, served, count).map((candidate) => ({
      candidate,
      reason: reasonFor(candidate, pools, feedback),
    }));
  }
}

/**
 * The best `count` not served lately, one per artist while possible; when the library runs out
 * of those, the ones served longest ago.
 */
function take(ranked: Candidate[], served: Map<string, Date>, count: number): Candidate[] {
  const fresh = ranked.filter((c) => !served.has(c.trackId));
  const stale = ranked
    .filter((c) => served.has(c.trackId))
    .sort((a, b) => served.get(a.trackId)!.getTime() - served.get(b.trackId)!.getTime());
  const picked: Candidate[] = [];
  const artists = new Set<string>();
  const ids = new Set<string>();
  for (const pool of [fresh, stale]) {
    for (const onePerArtist of [true, false]) {
      for (const candidate of pool) {
        if (picked.length >= count) return picked;
        if (ids.has(candidate.trackId)) continue;
        if (onePerArtist && candidate.artistIds.some((a) => artists.has(a))) continue;
        picked.push(candidate);
        ids.add(candidate.trackId);
        candidate.artistIds.forEach((a) => artists.add(a));
      }
    }
  }
  return picked;
}

function interleave<T>(a: T[], b: T[]): T[] {
  const result: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) result.push(a[i]!);
    if (i < b.length) result.push(b[i]!);
  }
  return result;
}
