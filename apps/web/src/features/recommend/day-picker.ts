/*
 * The daily list's calendar on the client. Days are the server's recommendation days
 * ('YYYY-MM-DD', starting at 06:00 in the user's zone); the client never works out "today"
 * itself, it takes today's date from the server's answer and counts back from it.
 */

/** Past lists stay viewable this many days (the server keeps them as long). */
export const HISTORY_DAYS = 7;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date that exists, as 'YYYY-MM-DD'. */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** `day` moved by `days` (negative: back), across months, years and leap days. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today first, then the HISTORY_DAYS before it: every day whose list can be opened. */
export function pickableDays(today: string): string[] {
  return Array.from({ length: HISTORY_DAYS + 1 }, (_, i) => shiftDay(today, -i));
}

/** The day to show for `?date=`: the requested one when it can be opened, else today. */
export function chooseDay(requested: string | null, today: string): string {
  if (requested === null || !isIsoDay(requested)) return today;
  return pickableDays(today).includes(requested) ? requested : today;
}

/** A Date for formatting a day with Intl (read in UTC, so the day never shifts). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The browser's own date, only to draw the calendar tile until the server says which day it is. */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A day for people: "11月23日 周一", "Mon, Nov 23". */
export function formatDay(day: string, locale: string): string {
  if (!isIsoDay(day)) return '';
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(dayAsDate(day));
}
