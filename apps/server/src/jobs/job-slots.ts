/**
 * When a scheduled job is due, expressed as a slot key: the name of the period the run covers.
 * The scheduler claims (job, slot) in the database, so a slot runs once however many instances
 * ask, and the latest slot that has started but not run (the server was down at 06:00) is
 * simply still due when the server comes back: that is the catch-up.
 */
export type JobSchedule =
  /** every N minutes, aligned to the epoch (N = 30 runs at :00 and :30) */
  | { every: { minutes: number } }
  /** once a day at a local time, e.g. { at: '06:00', timeZone: 'Asia/Shanghai' } */
  | { daily: { at: string; timeZone: string } };

const MINUTE = 60_000;

export function currentSlot(schedule: JobSchedule, now: Date): string {
  if ('every' in schedule) {
    const interval = Math.max(1, Math.round(schedule.every.minutes)) * MINUTE;
    return new Date(Math.floor(now.getTime() / interval) * interval).toISOString();
  }
  const { at, timeZone } = schedule.daily;
  const local = localParts(now, timeZone);
  const [hour, minute] = parseTimeOfDay(at);
  const started = local.hour * 60 + local.minute >= hour * 60 + minute;
  // Before today's time the latest due slot is yesterday's: if it never ran, it runs now.
  return started ? local.date : previousDate(local.date);
}

export function parseTimeOfDay(at: string): [number, number] {
  const match = /^(\d{2}):(\d{2})$/.exec(at);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new Error(`not a time of day: ${at}`);
  return [hour, minute];
}

interface LocalParts {
  date: string;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and wall-clock time at `now` in an IANA time zone. */
export function localParts(now: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(now)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

export function previousDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}
