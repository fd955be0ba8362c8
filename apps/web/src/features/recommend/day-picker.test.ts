import { describe, expect, it } from 'vitest';
import { chooseDay, HISTORY_DAYS, isIsoDay, pickableDays, shiftDay } from './day-picker.ts';

describe('day picker', () => {
  it('offers today and the seven days before it, newest first', () => {
    const days = pickableDays('2026-11-23');
    expect(days).toHaveLength(HISTORY_DAYS + 1);
    expect(days[0]).toBe('2026-11-23');
    expect(days.at(-1)).toBe('2026-11-16');
  });

  it('opens a past day up to seven days back, and nothing older or later', () => {
    const today = '2026-11-23';
    expect(chooseDay('2026-11-22', today)).toBe('2026-11-22');
    expect(chooseDay('2026-11-16', today)).toBe('2026-11-16');
    expect(chooseDay('2026-11-15', today)).toBe(today);
    expect(chooseDay('2026-11-24', today)).toBe(today);
    expect(chooseDay(null, today)).toBe(today);
  });

  it('refuses dates that do not exist or are not dates', () => {
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(chooseDay('2026-11-2', '2026-11-23')).toBe('2026-11-23');
    expect(chooseDay('yesterday', '2026-11-23')).toBe('2026-11-23');
  });

  it('counts back across months, years and leap days', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2028-03-01', -1)).toBe('2028-02-29');
    expect(pickableDays('2027-01-03').slice(-2)).toEqual(['2026-12-28', '2026-12-27']);
    expect(chooseDay('2026-12-27', '2027-01-03')).toBe('2026-12-27');
  });
});
