import type { components } from '@resonance/sdk';

/** The recommendation shapes of the generated contract (never copied by hand). */
type Schemas = components['schemas'];

export type RecommendationReason = Schemas['RecommendationReason'];
export type ReasonKind = RecommendationReason['kind'];
export type RecommendedTrack = Schemas['RecommendedTrack'];
export type DailyRecommendations = Schemas['DailyRecommendations']['data'];
export type FmMode = Schemas['FmBatch']['data']['mode'];
export type Taste = Schemas['Taste']['data'];
export type Onboarding = Schemas['RecommendOnboarding']['data'];
export type WhyRecommended = Schemas['RecommendationWhy']['data'];
export type BlockedArtist = Schemas['BlockedArtists']['data'][number];

/** Private FM's modes, in the order the switch shows them. */
export const FM_MODES: readonly FmMode[] = ['default', 'familiar', 'discovery'];
