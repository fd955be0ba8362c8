import { badRequest, notFound } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUuid } from '../library/browse/cursor.ts';
import type { CandidateRepository } from './candidate.repository.ts';
import { DAILY_SIZE, type MixCandidate } from './daily-mix.ts';
import type { DailyGenerator } from './daily-generator.ts';
import type { DailyEntry, DailyRepository } from './daily.repository.ts';
import { NO_SIGNALS, strongestPositive } from './feedback-signals.ts';
import type { FeedbackRepository } from './feedback.repository.ts';
import { daysBefore, isIsoDate, isViewable, recommendationDay } from './recommendation-day.ts';
import type { RecommendationViews, Recommended } from './recommendation-views.ts';
import type { TasteRepository } from './taste.repository.ts';
import type { UserFeedback } from './user-feedback.ts';

/** Tracks of the previous days' lists are not offered again for this many days. */
export const NO_REPEAT_OF_LISTS_DAYS = 2;
const REPLACEMENT_ATTEMPTS = 3;
const POSITIONS = Array.from({ length: DAILY_SIZE }, (_, i) => i);

export interface DailyList {
  day: string;
  generatedAt: Date;
  coldStart: boolean;
  items: Recommended[];
}

export const dailyNotFound = () => notFound('daily_not_found', 'No daily recommendations for that day');
export const trackNotInDaily = () => notFound('daily_track_not_found', "That track is not in today's list");

/**
 * Daily Recommendations: the list of the user's current recommendation day (made on the spot
 * if the job has not made it), past days for a week, and "not interested" with a replacement.
 */
export class DailyService {
  constructor(
    private readonly lists: DailyRepository,
    private readonly feedback: Pick<FeedbackRepository, 'forUsers' | 'forUser' | 'filters'>,
    private readonly generator: Pick<DailyGenerator, 'plan'>,
    private readonly catalog: Pick<CandidateRepository, 'artistsOf'>,
    private readonly taste: Pick<TasteRepository, 'timeZoneOf'>,
    private readonly views: Pick<RecommendationViews, 'load'>,
    private readonly clock: Clock,
  ) {}

  /** `date` (YYYY-MM-DD) shows a past day; without it, today's list, made now if need be. */
  async get(userId: string, date?: string): Promise<DailyList> {
    const today = await this.today(userId);
    if (date !== undefined && !isIsoDate(date)) throw badRequest('invalid_date', 'date must be YYYY-MM-DD');
    const day = date ?? today;
    if (!isViewable(day, today)) throw dailyNotFound();
    if (day === today) await this.ensure(userId, day);
    return this.view(userId, day);
  }

  /** "Not interested": the track leaves today's list and another takes its place. */
  async dismiss(userId: string, trackId: string): Promise<DailyList> {
    if (!isUuid(trackId)) throw trackNotInDaily();
    const day = await this.today(userId);
    for (let attempt = 0; attempt < REPLACEMENT_ATTEMPTS; attempt++) {
      const status = await this.lists.status(userId, day, trackId);
      if (status === 'absent') throw trackNotInDaily();
      if (status === 'dismissed') break; // dismissed before: nothing more to do
      const replacement = await this.replacementFor(userId, day, trackId);
      const outcome = await this.lists.dismiss(userId, day, trackId, this.clock.now(), replacement);
      // 'missing': a concurrent request dismissed it; 'conflict': the replacement got in, pick again
      if (outcome !== 'conflict') break;
    }
    return this.view(userId, day);
  }

  /** Makes the lists of these users for `day` (the job); users who have one are skipped. */
  async generate(userIds: readonly string[], day: string): Promise<number> {
    const done = await this.lists.withList(userIds, day);
    const todo = userIds.filter((id) => !done.has(id));
    const [feedbacks, shown] = await Promise.all([
      this.feedback.forUsers(todo),
      this.lists.shownBetween(todo, daysBefore(day, NO_REPEAT_OF_LISTS_DAYS), day),
    ]);
    // One list at a time: scoring is synchronous, so a request arriving meanwhile waits for one
    // list at most (several in flight were measured no faster, and made requests wait longer).
    let made = 0;
    for (const userId of todo) {
      if (await this.make(feedbacks.get(userId)!, day, shown.get(userId)!)) made++;
    }
    return made;
  }

  /**
   * Forgets today's list so the next read makes a new one: after a taste reset, or (onlyColdStart)
   * after onboarding when the list was made without any choices or history.
   */
  async discard(userId: string, options: { onlyColdStart?: boolean } = {}): Promise<void> {
    const day = await this.today(userId);
    if (options.onlyColdStart && !(await this.lists.head(userId, day))?.coldStart) return;
    await this.lists.deleteList(userId, day);
  }

  async today(userId: string): Promise<string> {
    return recommendationDay(this.clock.now(), await this.taste.timeZoneOf(userId));
  }

  private async ensure(userId: string, day: string): Promise<void> {
    if (await this.lists.head(userId, day)) return;
    const [feedback, shown] = await Promise.all([
      this.feedback.forUser(userId),
      this.lists.shownBetween([userId], daysBefore(day, NO_REPEAT_OF_LISTS_DAYS), day),
    ]);
    await this.make(feedback, day, shown.get(userId)!);
  }

  private async make(feedback: UserFeedback, day: string, shown: ReadonlySet<string>): Promise<boolean> {
    const now = this.clock.now();
    const plan = await this.generator.plan({ feedback, now, taken: shown, positions: POSITIONS });
    return this.lists.save({
      userId: feedback.userId,
      day,
      generatedAt: now,
      modelId: plan.modelId,
      coldStart: plan.coldStart,
      // Positions 0..n-1 even when a small library leaves slots unfilled.
      entries: plan.picks.map((pick, position) => ({ trackId: pick.trackId, position, reason: pick.reason })),
    });
  }

  private async replacementFor(
    userId: string,
    day: string,
    trackId: string,
  ): Promise<Omit<DailyEntry, 'position'> | null> {
    const [feedback, shown, live] = await Promise.all([
      this.feedback.forUser(userId),
      this.lists.shownBetween([userId], daysBefore(day, NO_REPEAT_OF_LISTS_DAYS), day),
      this.lists.entries(userId, day),
    ]);
    const dismissed = live.find((entry) => entry.trackId === trackId);
    if (!dismissed) return null;
    // The dismissal is feedback already: the replacement is scored with it.
    const cell = feedback.cells.get(trackId);
    if (cell) cell.dismissals++;
    else feedback.cells.set(trackId, { ...NO_SIGNALS, dismissals: 1 });
    const staying = live.filter((entry) => entry.trackId !== trackId);
    const artists = await this.catalog.artistsOf(staying.map((entry) => entry.trackId));
    const existing: MixCandidate[] = staying.map((entry) => {
      const signals = feedback.cells.get(entry.trackId);
      return {
        trackId: entry.trackId,
        artistIds: artists.get(entry.trackId) ?? [],
        known: signals !== undefined && strongestPositive(signals) !== null,
      };
    });
    const plan = await this.generator.plan({
      feedback,
      now: this.clock.now(),
      taken: shown.get(userId)!,
      existing,
      positions: [dismissed.position],
    });
    const pick = plan.picks[0];
    return pick ? { trackId: pick.trackId, reason: pick.reason } : null;
  }

  private async view(userId: string, day: string): Promise<DailyList> {
    const head = await this.lists.head(userId, day);
    if (!head) throw dailyNotFound();
    const [entries, filters] = await Promise.all([
      this.lists.entries(userId, day),
      this.feedback.filters(userId),
    ]);
    // Binned or blocked since the list was made: hidden from it at once.
    const visible = entries.filter((entry) => !filters.trashed.has(entry.trackId));
    const items = (await this.views.load(visible)).filter(
      (item) => !item.track.artists.some((artist) => filters.blockedArtists.has(artist.id)),
    );
    return { day: head.day, generatedAt: head.generatedAt, coldStart: head.coldStart, items };
  }
}
