import type { DailyRecommendations, Taste } from './recommend-types.ts';

/**
 * A listener the recommender knows nothing about: no onboarding choices (or a reset since) and
 * today's list made without any history. Unknown until both answers are in.
 */
export function needsOnboarding(
  taste: Pick<Taste, 'onboardedAt'> | undefined,
  daily: Pick<DailyRecommendations, 'coldStart'> | undefined,
): boolean {
  return taste !== undefined && daily !== undefined && taste.onboardedAt === null && daily.coldStart;
}
