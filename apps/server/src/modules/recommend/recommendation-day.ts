/**
 * The daily list's calendar. A recommendation day starts at 06:00 in the user's own time zone:
 * from 00:00 to 06:00 the user still sees yesterday's list (as NetEase does), so "today's list"
 * is the one of the latest 06:00 that has passed. The job prepares lists only for users whose
 * local clock is past 06:00 on their calendar date; someone who opens the app before that, or
 * whom the job has not reached yet, gets theirs made on the spot.
 */
import { currentSlot, localParts, parseTimeOfDay, previousDate } from '../../jobs/job-slots.ts';

export const DAY_STARTS_AT = '06:00';
/** Past lists stay viewable (and stored) this many days after their own. */
export const KEEP_DAYS = 7;
/** Zone used for a user whose stored zone the runtime does not know. */
export const FALLBACK_TIME_ZONE = 'UTC';

function knownZone(timeZone: string): string {
  try {
    localParts(new Date(0), timeZone);
    return timeZone;
  } catch {
    return FALLBACK_TIME_ZONE;
  }
}

/** The recommendation day the user is in at `now`: 'YYYY-MM-DD'. */
export function recommendationDay(now: Date, timeZone: string): string {
  return currentSlot({ daily: { at: DAY_STARTS_AT, timeZone: knownZone(timeZone) } }, now);
}

/**
 * The day the job should have a list for, or null when the user's local clock is not past 06:00
 * yet (their new day has not started; yesterday's list was the job's business yesterday).
 */
export function dueDay(now: Date, timeZone: string): string | null {
  const local = localParts(now, knownZone(timeZone));
  const [hour, minute] = parseTimeOfDay(DAY_STARTS_AT);
  return local.hour * 60 + local.minute >= hour * 60 + minute ? local.date : null;
}

/** `day` minus `n` days, both 'YYYY-MM-DD'. */
export function daysBefore(day: string, n: number): string {
  let result = day;
  for (let i = 0; i < n; i++) result = previousDate(result);
  return result;
}

/** May a list of `day` be shown on `today`? Today and the KEEP_DAYS before it. */
export function isViewable(day: string, today: string): boolean {
  return day <= today && day >= daysBefore(today, KEEP_DAYS);
}

/** A calendar date in ISO form that exists (2026-02-30 does not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
