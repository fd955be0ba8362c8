import type { CandidatePools } from './candidate-pools.ts';
import { reasonFor } from './candidate-pools.ts';
import { mixDaily, RECENT_DAYS, type MixCandidate } from './daily-mix.ts';
import type { ModelStore } from './model-store.ts';
import type { Reason } from './reason.ts';
import { heardSince, type UserFeedback } from './user-feedback.ts';

/** Recent additions by followed artists offered per list (they go first into discovery slots). */
export const MAX_NEW_PER_LIST = 3;
/** Candidates drawn per pool: far more than 30, so the rules can skip many. */
const POOL_SIZE = 150;
const DAY_MS = 86_400_000;

export interface DailyRequest {
  feedback: UserFeedback;
  now: Date;
  /** never offer: today's list (live and dismissed) and the previous days' lists */
  taken: ReadonlySet<string>;
  /** tracks staying in today's list, when one is being replaced */
  existing?: readonly MixCandidate[];
  positions: readonly number[];
}

export interface DailyPick {
  trackId: string;
  position: number;
  reason: Reason;
}

export interface DailyPlan {
  picks: DailyPick[];
  /** the model the list came from, or null (popularity and onboarding choices only) */
  modelId: number | null;
  coldStart: boolean;
}

/** Picks the tracks of a daily list (or a replacement) and their reasons; writes nothing. */
export class DailyGenerator {
  constructor(
    private readonly pools: Pick<CandidatePools, 'forUser'>,
    private readonly models: Pick<ModelStore, 'current'>,
  ) {}

  async plan(request: DailyRequest): Promise<DailyPlan> {
    const { feedback, now } = request;
    const loaded = await this.models.current();
    const pools = await this.pools.forUser(loaded, feedback, {
      size: POOL_SIZE,
      now,
      exclude: request.taken,
    });
    const picks = mixDaily({
      familiar: pools.familiar,
      discovery: [...pools.fresh.slice(0, MAX_NEW_PER_LIST), ...pools.discovery],
      fallback: pools.fallback,
      rules: {
        trashed: feedback.trashed,
        blockedArtists: feedback.blockedArtists,
        recentlyHeard: heardSince(feedback, new Date(now.getTime() - RECENT_DAYS * DAY_MS)),
        loved: feedback.loved,
        taken: request.taken,
      },
      existing: request.existing,
      positions: request.positions,
    });
    return {
      picks: picks.map(({ candidate, position }) => ({
        trackId: candidate.trackId,
        position,
        reason: reasonFor(candidate, pools, feedback),
      })),
      modelId: loaded && (pools.scored || pools.seedScored) ? loaded.id : null,
      coldStart: pools.coldStart,
    };
  }
}
