import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localParts } from '../../jobs/job-slots.ts';
import { daysBefore, dueDay, isIsoDate, isViewable, recommendationDay } from './recommendation-day.ts';

const zones = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'UTC',
];

describe('the recommendation day', () => {
  it('turns at 06:00 in the user’s own zone', () => {
    // 21:59 UTC is 05:59 in Shanghai: still the 22nd's list; a minute later the 23rd's
    expect(recommendationDay(new Date('2026-11-22T21:59:00Z'), 'Asia/Shanghai')).toBe('2026-11-22');
    expect(recommendationDay(new Date('2026-11-22T22:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    // the same instant is the afternoon of the 22nd in New York
    expect(recommendationDay(new Date('2026-11-22T22:00:00Z'), 'America/New_York')).toBe('2026-11-22');
  });

  it('follows daylight saving time (New York, 8 March 2026)', () => {
    // 06:00 EDT is 10:00 UTC on the day the clocks go forward
    expect(recommendationDay(new Date('2026-03-08T09:59:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(recommendationDay(new Date('2026-03-08T10:00:00Z'), 'America/New_York')).toBe('2026-03-08');
  });

  it('is due for the job only once the local clock is past 06:00', () => {
    expect(dueDay(new Date('2026-11-22T21:59:00Z'), 'Asia/Shanghai')).toBeNull();
    expect(dueDay(new Date('2026-11-22T22:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(dueDay(new Date('2026-11-22T10:59:00Z'), 'America/New_York')).toBeNull();
    expect(dueDay(new Date('2026-11-22T11:00:00Z'), 'America/New_York')).toBe('2026-11-22');
  });

  it('treats a zone the runtime does not know as UTC rather than failing the job', () => {
    expect(dueDay(new Date('2026-11-22T06:00:00Z'), 'Mars/Olympus_Mons')).toBe('2026-11-22');
    expect(recommendationDay(new Date('2026-11-22T05:00:00Z'), 'Mars/Olympus_Mons')).toBe('2026-11-21');
  });

  it('agrees with the local clock for any instant and zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (now, zone) => {
          const local = localParts(now, zone);
          const afterSix = local.hour >= 6;
          const day = recommendationDay(now, zone);
          expect(day).toBe(afterSix ? local.date : daysBefore(local.date, 1));
          expect(dueDay(now, zone)).toBe(afterSix ? local.date : null);
          // the job's day, when there is one, is always the day the user sees
          const due = dueDay(now, zone);
          if (due) expect(due).toBe(day);
        },
      ),
    );
  });
});

describe('past lists', () => {
  it('are viewable for 7 days, never in the future', () => {
    expect(isViewable('2026-11-23', '2026-11-23')).toBe(true);
    expect(isViewable('2026-11-16', '2026-11-23')).toBe(true);
    expect(isViewable('2026-11-15', '2026-11-23')).toBe(false);
    expect(isViewable('2026-11-24', '2026-11-23')).toBe(false);
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });

  it('accept only real calendar dates', () => {
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-11-3')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });
});
