import type { z } from 'zod';
import { coverUrl, presentTrack } from '../library/browse/browse.presenter.ts';
import type { DailyList } from './daily.service.ts';
import type { FmBatch } from './fm.service.ts';
import type { Recommended } from './recommendation-views.ts';
import type {
  blockedArtistsResponseSchema,
  dailyResponseSchema,
  fmResponseSchema,
  onboardingResponseSchema,
  recommendedTrackSchema,
  tasteResponseSchema,
  whyResponseSchema,
} from './recommend.schema.ts';
import type { BlockedArtist } from './taste.repository.ts';
import type { Onboarding, TasteView } from './taste.service.ts';
import type { WhyView } from './why.service.ts';

type Data<S extends z.ZodType> = z.infer<S> extends { data: infer D } ? D : never;

export function presentRecommended(item: Recommended): z.infer<typeof recommendedTrackSchema> {
  return { track: presentTrack(item.track), reason: item.reason };
}

export function presentDaily(list: DailyList): Data<typeof dailyResponseSchema> {
  return {
    date: list.day,
    generatedAt: list.generatedAt.toISOString(),
    coldStart: list.coldStart,
    tracks: list.items.map(presentRecommended),
  };
}

export function presentFm(batch: FmBatch): Data<typeof fmResponseSchema> {
  return { mode: batch.mode, tracks: batch.items.map(presentRecommended) };
}

export function presentOnboarding(onboarding: Onboarding): Data<typeof onboardingResponseSchema> {
  return {
    genres: onboarding.genres,
    artists: onboarding.artists.map((a) => ({
      id: a.id,
      name: a.name,
      coverUrl: coverUrl(a.coverId),
      trackCount: a.trackCount,
    })),
  };
}

export function presentTaste(taste: TasteView): Data<typeof tasteResponseSchema> {
  return {
    genres: taste.genres,
    artists: taste.artists,
    onboardedAt: taste.onboardedAt?.toISOString() ?? null,
    resetAt: taste.resetAt?.toISOString() ?? null,
    fmMode: taste.fmMode,
  };
}

export function presentWhy(why: WhyView): Data<typeof whyResponseSchema> {
  return {
    track: presentTrack(why.track),
    explanations: why.explanations.map((e) => ({
      source: e.source,
      ...(e.day ? { day: e.day } : {}),
      ...(e.servedAt ? { servedAt: e.servedAt.toISOString() } : {}),
      reason: e.reason,
    })),
  };
}

export function presentBlocked(blocked: BlockedArtist[]): Data<typeof blockedArtistsResponseSchema> {
  return blocked.map((b) => ({ id: b.id, name: b.name, blockedAt: b.blockedAt.toISOString() }));
}
