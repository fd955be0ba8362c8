import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from './retry-after.ts';

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterSeconds('42', now)).toBe(42);
    expect(retryAfterSeconds('Mon, 23 Nov 2026 12:00:30 GMT', now)).toBe(30);
  });
  it('never says zero, and knows when it was not told', () => {
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(1);
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
  });
});
