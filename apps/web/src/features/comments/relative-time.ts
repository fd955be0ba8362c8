const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

/**
 * When a comment was written, as people say it: 刚刚 / now, 5 分钟前 / 5 minutes ago, 3 天前;
 * after a week the date itself (with the year when it is not this year's).
 */
export function formatRelativeTime(iso: string, now: Date, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 60) return relative.format(0, 'second');
  if (seconds < 7 * 24 * 60 * 60) {
    let unit = UNITS[0]!;
    for (const candidate of UNITS) if (seconds >= candidate[1]) unit = candidate;
    return relative.format(-Math.floor(seconds / unit[1]), unit[0]);
  }
  const sameYear = date.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    year: sameYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(date);
}
