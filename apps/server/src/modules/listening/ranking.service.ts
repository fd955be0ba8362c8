import { AppError, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UserRepository } from '../accounts/user.repository.ts';
import type { TrackLoader } from '../library/browse/track-loader.ts';
import type { TrackRow } from '../library/browse/browse.repository.ts';
import { isUuid } from '../library/browse/cursor.ts';
import type { ListeningSettings, ListeningSettingsRepository } from './listening-settings.repository.ts';
import { barScores } from './ranking-bars.ts';
import { canSeeRanking } from './ranking.policy.ts';
import type { RankingRepository } from './ranking.repository.ts';

export type RankingPeriod = 'week' | 'all';

export const RANKING_SIZE = 100;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface RankingEntry {
  rank: number;
  playCount: number;
  /** the play bar, 0..100 */
  score: number;
  track: TrackRow;
}

export interface Ranking {
  userId: string;
  period: RankingPeriod;
  /** whether the owner hid it from others (only the owner ever sees a hidden ranking) */
  hidden: boolean;
  entries: RankingEntry[];
}

/** The listening ranking of a profile: top tracks of the last 7 days or of all time. */
export class RankingService {
  constructor(
    private readonly rankings: RankingRepository,
    private readonly settings: ListeningSettingsRepository,
    private readonly users: Pick<UserRepository, 'findById'>,
    private readonly tracks: TrackLoader,
    private readonly clock: Clock,
  ) {}

  async ranking(viewerId: string, ownerId: string, period: RankingPeriod): Promise<Ranking> {
    if (!isUuid(ownerId) || !(await this.users.findById(ownerId))) {
      throw notFound('user_not_found', 'No such user');
    }
    const { rankingHidden } = await this.settings.get(ownerId);
    if (!canSeeRanking(viewerId, ownerId, rankingHidden)) {
      throw new AppError(403, 'ranking_hidden', 'This user keeps their listening ranking private');
    }
    const top =
      period === 'week'
        ? await this.rankings.since(ownerId, new Date(this.clock.now().getTime() - WEEK_MS), RANKING_SIZE)
        : await this.rankings.allTime(ownerId, RANKING_SIZE);
    const withTracks = await this.tracks.attach(top);
    const bars = barScores(withTracks.map((entry) => entry.playCount));
    return {
      userId: ownerId,
      period,
      hidden: rankingHidden,
      entries: withTracks.map((entry, i) => ({
        rank: i + 1,
        playCount: entry.playCount,
        score: bars[i]!,
        track: entry.track,
      })),
    };
  }

  getSettings(userId: string): Promise<ListeningSettings> {
    return this.settings.get(userId);
  }

  saveSettings(userId: string, settings: ListeningSettings): Promise<ListeningSettings> {
    return this.settings.save(userId, settings, this.clock.now());
  }
}
