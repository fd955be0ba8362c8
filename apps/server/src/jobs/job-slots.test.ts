import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentSlot, localParts, parseTimeOfDay, previousDate } from './job-slots.ts';

describe('currentSlot', () => {
  it('aligns interval slots to the interval', () => {
    const schedule = { every: { minutes: 30 } };
    expect(currentSlot(schedule, new Date('2026-11-22T10:29:59Z'))).toBe('2026-11-22T10:00:00.000Z');
    expect(currentSlot(schedule, new Date('2026-11-22T10:30:00Z'))).toBe('2026-11-22T10:30:00.000Z');
  });

  it('names the local day once its time has come, and yesterday before it (catch-up)', () => {
    const schedule = { daily: { at: '06:00', timeZone: 'Asia/Shanghai' } };
    // 05:59 in Shanghai is 21:59 UTC the day before
    expect(currentSlot(schedule, new Date('2026-11-21T21:59:00Z'))).toBe('2026-11-21');
    expect(currentSlot(schedule, new Date('2026-11-21T22:00:00Z'))).toBe('2026-11-22');
  });

  it('follows the time zone, including daylight saving', () => {
    const schedule = { daily: { at: '06:00', timeZone: 'Europe/Berlin' } };
    // summer: UTC+2, winter: UTC+1
    expect(currentSlot(schedule, new Date('2026-07-01T04:00:00Z'))).toBe('2026-07-01');
    expect(currentSlot(schedule, new Date('2026-12-01T04:00:00Z'))).toBe('2026-11-30');
    expect(currentSlot(schedule, new Date('2026-12-01T05:00:00Z'))).toBe('2026-12-01');
  });

  it('never moves backwards as time passes', () => {
    const schedule = { daily: { at: '06:00', timeZone: 'America/New_York' } };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e11 }), fc.integer({ min: 0, max: 1e9 }), (start, step) => {
        const base = Date.UTC(2020, 0, 1) + start * 10;
        const a = currentSlot(schedule, new Date(base));
        const b = currentSlot(schedule, new Date(base + step));
        expect(b >= a).toBe(true);
      }),
    );
  });

  it('rejects a malformed time of day', () => {
    expect(() => parseTimeOfDay('6:00')).toThrow();
    expect(() => parseTimeOfDay('24:00')).toThrow();
    expect(parseTimeOfDay('23:59')).toEqual([23, 59]);
  });
});

describe('calendar helpers', () => {
  it('steps back across month and year ends', () => {
    expect(previousDate('2026-03-01')).toBe('2026-02-28');
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
  });

  it('reads wall-clock parts in a zone', () => {
    expect(localParts(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-11-23',
      hour: 0,
      minute: 30,
    });
  });
});
