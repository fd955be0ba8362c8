import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CommentRepository } from './comment.repository.ts';
import { FRESHNESS_HORIZON_DAYS } from './hot-score.ts';

const DAY_MS = 86_400_000;
/**
 * A week past the horizon: a comment crossing it is settled at its floor by a later run even
 * when the scheduler was down for days.
 */
const WINDOW_MS = (FRESHNESS_HORIZON_DAYS + 7) * DAY_MS;
const BATCH = 2_000;

/**
 * Keeps stored hot scores current as freshness fades. Likes and replies re-score a comment
 * when they happen; this re-scores the rest of the young ones. Meant to run every 10 minutes
 * (an hour of fading moves a score by under 3%); older comments sit at their floor and are
 * never touched.
 */
export class HotScoreRefresher {
  constructor(
    private readonly comments: Pick<CommentRepository, 'refreshHotScores'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async refresh(): Promise<{ rescored: number }> {
    const now = this.clock.now();
    const rescored = await this.comments.refreshHotScores(new Date(now.getTime() - WINDOW_MS), now, BATCH);
    this.logger.debug({ rescored }, 'comment hot scores refreshed');
    return { rescored };
  }
}
