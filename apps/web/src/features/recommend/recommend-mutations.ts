import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import type { FmMode } from './recommend-types.ts';
import { blockedArtistsKey, dailyKey, recommendKey, tasteKey } from './recommend-queries.ts';

/** "Not interested": the answer is today's list with a replacement in the dismissed one's place. */
export function useDismissDaily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (trackId: string) =>
      (await unwrap(api.POST('/api/v1/recommend/daily/{trackId}/dismiss', { params: { path: { trackId } } })))
        .data,
    onSuccess: (list) => queryClient.setQueryData(dailyKey(null), list),
  });
}

/**
 * Changes to what recommendations start from (onboarding choices, a reset): every list made
 * from the old taste is asked for again.
 */
function useTasteChange<V>(call: (value: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recommendKey }),
  });
}

/** Onboarding: the genres and artists to start from. */
export function useSaveTaste() {
  return useTasteChange((choices: { genres: string[]; artistIds: string[] }) =>
    unwrap(api.PUT('/api/v1/me/taste', { body: choices })),
  );
}

export function useResetTaste() {
  return useTasteChange(() => unwrap(api.POST('/api/v1/me/taste/reset')));
}

/** Private FM's mode, saved so the next visit starts with it. */
export function useSaveFmMode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fmMode: FmMode) =>
      (await unwrap(api.PUT('/api/v1/me/taste', { body: { fmMode } }))).data,
    onSuccess: (taste) => queryClient.setQueryData(tasteKey, taste),
  });
}

/** Never recommend an artist, or again. */
export function useArtistBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ artistId, blocked }: { artistId: string; blocked: boolean }) => {
      const options = { params: { path: { artistId } } };
      const call = blocked
        ? api.POST('/api/v1/me/blocked-artists/{artistId}', options)
        : api.DELETE('/api/v1/me/blocked-artists/{artistId}', options);
      return (await unwrap(call)).data;
    },
    // The blocked list, and every list that may have held the artist's tracks.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recommendKey }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: blockedArtistsKey }),
  });
}
