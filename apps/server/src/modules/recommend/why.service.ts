import { notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { TrackRow } from '../library/browse/browse.repository.ts';
import { isUuid } from '../library/browse/cursor.ts';
import type { DailyRepository } from './daily.repository.ts';
import type { DailyService } from './daily.service.ts';
import type { FmRepository } from './fm.repository.ts';
import type { Reason } from './reason.ts';
import type { ReasonView, RecommendationViews } from './recommendation-views.ts';

/** FM servings explained for this long. */
const FM_MEMORY_MS = 7 * 86_400_000;

export interface Explanation {
  source: 'daily' | 'fm';
  /** the list's day (daily) */
  day?: string;
  /** when the FM served it (fm) */
  servedAt?: Date;
  reason: ReasonView;
}

export interface WhyView {
  track: TrackRow;
  explanations: Explanation[];
}

const notRecommended = () =>
  notFound('recommendation_not_found', 'That track is not in your daily list or your recent FM');

/** "Why was this recommended?": the stored reason of a track in today's list or the recent FM. */
export class WhyService {
  constructor(
    private readonly daily: Pick<DailyService, 'today'>,
    private readonly lists: Pick<DailyRepository, 'reasonFor'>,
    private readonly fm: Pick<FmRepository, 'reasonOf'>,
    private readonly views: Pick<RecommendationViews, 'load'>,
    private readonly clock: Clock,
  ) {}

  async explain(userId: string, trackId: string): Promise<WhyView> {
    if (!isUuid(trackId)) throw notRecommended();
    const day = await this.daily.today(userId);
    const since = new Date(this.clock.now().getTime() - FM_MEMORY_MS);
    const [daily, fm] = await Promise.all([
      this.lists.reasonFor(userId, day, trackId),
      this.fm.reasonOf(userId, trackId, since),
    ]);
    const found: { source: Explanation['source']; reason: Reason; day?: string; servedAt?: Date }[] = [];
    if (daily) found.push({ source: 'daily', day, reason: daily });
    if (fm) found.push({ source: 'fm', servedAt: fm.servedAt, reason: fm.reason });
    const views = await this.views.load(found.map((f) => ({ trackId, reason: f.reason })));
    const track = views[0]?.track;
    if (!track) throw notRecommended();
    return {
      track,
      explanations: found.map((f, i) => ({
        source: f.source,
        ...(f.day ? { day: f.day } : {}),
        ...(f.servedAt ? { servedAt: f.servedAt } : {}),
        reason: views[i]!.reason,
      })),
    };
  }
}
