import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

export type RankingPeriod = 'week' | 'all';

const settingsKey = ['me', 'listening-settings'] as const;

export function usePublicUser(id: string) {
  return useQuery({
    queryKey: ['user', id],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal }))).data,
  });
}

/** A user's most played songs; a 403 `ranking_hidden` when they hid it from others. */
export function useRanking(userId: string, period: RankingPeriod) {
  return useQuery({
    queryKey: ['user', userId, 'ranking', period],
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/users/{id}/ranking', {
            params: { path: { id: userId }, query: { period } },
            signal,
          }),
        )
      ).data,
  });
}

export function useListeningSettings(enabled: boolean) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/me/listening-settings', { signal }))).data,
    enabled,
  });
}

export function useSetRankingHidden() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (rankingHidden: boolean) =>
      (await unwrap(api.PUT('/api/v1/me/listening-settings', { body: { rankingHidden } }))).data,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'user' && query.queryKey[2] === 'ranking',
      });
    },
  });
}
