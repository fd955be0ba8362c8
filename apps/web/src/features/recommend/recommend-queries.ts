import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

/** Every cached answer about recommendations starts with this key (refreshed all at once). */
export const recommendKey = ['recommend'] as const;
/** null: today's list (the server knows which day that is for the user). */
export const dailyKey = (day: string | null) => [...recommendKey, 'daily', day ?? 'today'] as const;
export const tasteKey = [...recommendKey, 'taste'] as const;
export const blockedArtistsKey = [...recommendKey, 'blocked-artists'] as const;

export const dailyQuery = (day: string | null) =>
  queryOptions({
    queryKey: dailyKey(day),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/recommend/daily', { params: { query: day ? { date: day } : {} }, signal }),
        )
      ).data,
    staleTime: 5 * 60_000,
  });

export function useDaily(day: string | null, enabled = true) {
  return useQuery({ ...dailyQuery(day), enabled });
}

/** My onboarding choices, FM mode and when my taste was last reset. */
export function useTaste() {
  return useQuery({
    queryKey: tasteKey,
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/me/taste', { signal }))).data,
    staleTime: 5 * 60_000,
  });
}

/** The genres and artists a new listener picks from. */
export function useOnboardingChoices() {
  return useQuery({
    queryKey: [...recommendKey, 'onboarding'],
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/recommend/onboarding', { signal }))).data,
    staleTime: 10 * 60_000,
  });
}

/** Public playlists matched to my listening (the home page row). */
export function useRecommendedPlaylists(limit: number) {
  return useQuery({
    queryKey: [...recommendKey, 'playlists', limit],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/recommend/playlists', { params: { query: { limit } }, signal }))).data,
  });
}

export function useSimilarTracks(trackId: string, limit: number) {
  return useQuery({
    queryKey: [...recommendKey, 'similar', 'track', trackId, limit],
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/tracks/{id}/similar', {
            params: { path: { id: trackId }, query: { limit } },
            signal,
          }),
        )
      ).data,
    staleTime: 10 * 60_000,
  });
}

export function useSimilarArtists(artistId: string, limit: number) {
  return useQuery({
    queryKey: [...recommendKey, 'similar', 'artist', artistId, limit],
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/artists/{id}/similar', {
            params: { path: { id: artistId }, query: { limit } },
            signal,
          }),
        )
      ).data,
    staleTime: 10 * 60_000,
  });
}

/** "More like this playlist": tracks like its tracks, not in it. */
export function usePlaylistSimilar(playlistId: string, limit: number) {
  return useQuery({
    queryKey: [...recommendKey, 'similar', 'playlist', playlistId, limit],
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/playlists/{id}/similar', {
            params: { path: { id: playlistId }, query: { limit } },
            signal,
          }),
        )
      ).data,
  });
}

export function useBlockedArtists() {
  return useQuery({
    queryKey: blockedArtistsKey,
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/me/blocked-artists', { signal }))).data,
  });
}

/** Why a track of today's list or the recent FM was recommended (asked for when opened). */
export function useWhy(trackId: string) {
  return useQuery({
    queryKey: [...recommendKey, 'why', trackId],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/recommend/why/{trackId}', { params: { path: { trackId } }, signal })))
        .data,
  });
}
