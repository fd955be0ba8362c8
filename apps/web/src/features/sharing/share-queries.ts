import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import type { ShareChannel } from './share-link.ts';

export const shareCountKey = (trackId: string) => ['shares', trackId] as const;

/** How many times a track has been shared, by everyone. */
export const shareCountQuery = (trackId: string) =>
  queryOptions({
    queryKey: shareCountKey(trackId),
    queryFn: async ({ signal }) => {
      const { data } = await unwrap(
        api.GET('/api/v1/tracks/{id}/shares', { params: { path: { id: trackId } }, signal }),
      );
      return data.shareCount;
    },
    staleTime: 60_000,
  });

/** Records a share; the answer carries the new count, so the button shows it without a refetch. */
export function useRecordShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ trackId, channel }: { trackId: string; channel: ShareChannel }) =>
      (
        await unwrap(
          api.POST('/api/v1/tracks/{id}/share', { params: { path: { id: trackId } }, body: { channel } }),
        )
      ).data,
    onSuccess: (result) => queryClient.setQueryData(shareCountKey(result.trackId), result.shareCount),
  });
}
