import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const now = new Date('2026-11-23T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('when a comment was written', () => {
  it('says it in words for the last week', () => {
    expect(formatRelativeTime(ago(10), now, 'en')).toBe('now');
    expect(formatRelativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600), now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime(ago(2 * 86400), now, 'en')).toBe('2 days ago');
    expect(formatRelativeTime(ago(5 * 60), now, 'zh-CN')).toBe('5分钟前');
  });

  it('gives the date after a week, with the year only when it is another one', () => {
    expect(formatRelativeTime('2026-10-01T12:00:00Z', now, 'en')).toBe('Oct 1');
    expect(formatRelativeTime('2025-10-01T12:00:00Z', now, 'en')).toBe('Oct 1, 2025');
  });

  it('treats a clock running slightly ahead as now, and nonsense as nothing', () => {
    expect(formatRelativeTime(ago(-30), now, 'en')).toBe('now');
    expect(formatRelativeTime('not a date', now, 'en')).toBe('');
  });
});
