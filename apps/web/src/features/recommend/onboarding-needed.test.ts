import { describe, expect, it } from 'vitest';
import { needsOnboarding } from './onboarding-needed.ts';

describe('needsOnboarding', () => {
  const fresh = { onboardedAt: null };
  const onboarded = { onboardedAt: '2026-11-23T08:00:00.000Z' };

  it('asks a listener with neither choices nor history', () => {
    expect(needsOnboarding(fresh, { coldStart: true })).toBe(true);
  });

  it('leaves alone whoever chose already or has history to go on', () => {
    expect(needsOnboarding(onboarded, { coldStart: true })).toBe(false);
    expect(needsOnboarding(fresh, { coldStart: false })).toBe(false);
  });

  it('waits for both answers', () => {
    expect(needsOnboarding(undefined, { coldStart: true })).toBe(false);
    expect(needsOnboarding(fresh, undefined)).toBe(false);
  });
});
