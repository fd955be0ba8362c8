/**
 * The time windows and weights of the charts, over UTC days of listening (the days of
 * `track_daily_plays`). Whole days keep a refresh to a range scan of that table, and the
 * charts the same all over the world.
 *
 *   Hot     counted plays of the last 7 days (today and the 6 before), each day's plays
 *           weighted by 0.5^(age in days / 2): today 1, yesterday 0.71, a week ago 0.13,
 *           so a song hot this week outranks one that was hot last weekend.
 *   New     tracks added in the last 30 days, by their plays in that time.
 *   Rising  plays of the last 7 days minus plays of the 7 before, for tracks with at least
 *           5 plays this week (a song going from 0 to 1 play is not rising).
 */
export const CHART_SIZE = 100;
export const HOT_DAYS = 7;
export const HOT_HALF_LIFE_DAYS = 2;
export const NEW_DAYS = 30;
export const RISING_DAYS = 7;
export const RISING_MIN_PLAYS = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day `offset` days from `at`, as YYYY-MM-DD. */
export function utcDay(at: Date, offset = 0): string {
  return new Date(at.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
}

/** The weight of plays `ageDays` whole days old. */
export function decayWeight(ageDays: number): number {
  return 0.5 ** (ageDays / HOT_HALF_LIFE_DAYS);
}

export interface ChartWindows {
  today: string;
  /** Hot: each counted day with its weight, today first */
  hot: { day: string; weight: number }[];
  /** New: tracks created at or after this instant, and their plays from this day */
  newSince: Date;
  newFromDay: string;
  /** Rising: this week starts on `risingFrom`, the week before on `previousFrom` */
  risingFrom: string;
  previousFrom: string;
}

export function chartWindows(now: Date): ChartWindows {
  return {
    today: utcDay(now),
    hot: Array.from({ length: HOT_DAYS }, (_, age) => ({ day: utcDay(now, -age), weight: decayWeight(age) })),
    newSince: new Date(now.getTime() - NEW_DAYS * DAY_MS),
    newFromDay: utcDay(now, -NEW_DAYS),
    risingFrom: utcDay(now, -(RISING_DAYS - 1)),
    previousFrom: utcDay(now, -(2 * RISING_DAYS - 1)),
  };
}
