import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import {
  LIKES_KEY,
  likedTracksKey,
  lookupChunks,
  lookupKey,
  setLikedInCache,
  toLookup,
  type LikeLookup,
} from './like-cache.ts';

const lookupQuery = (trackIds: readonly string[]) =>
  queryOptions({
    queryKey: lookupKey(trackIds),
    queryFn: async ({ signal }) => {
      const { liked } = await unwrap(
        api.POST('/api/v1/me/likes/lookup', { body: { trackIds: [...trackIds] }, signal }),
      );
      return toLookup(trackIds, liked);
    },
    staleTime: 5 * 60_000,
  });

/** Whether I like each of these tracks (absent until known): one cached request per page. */
export function useLikeLookup(trackIds: readonly string[]): LikeLookup {
  return useQueries({
    queries: lookupChunks(trackIds).map(lookupQuery),
    combine: (results) => Object.assign({}, ...results.map((result) => result.data ?? {})) as LikeLookup,
  });
}

async function setLike(trackId: string, liked: boolean) {
  const options = { params: { path: { id: trackId } } };
  const call = liked
    ? api.POST('/api/v1/tracks/{id}/like', options)
    : api.DELETE('/api/v1/tracks/{id}/like', options);
  return (await unwrap(call)).data;
}

/** The heart: the change shows at once and goes back if the server refuses it. */
export function useToggleLike() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ trackId, liked }: { trackId: string; liked: boolean }) => setLike(trackId, liked),
    onMutate: async ({ trackId, liked }) => {
      await queryClient.cancelQueries({ queryKey: [...LIKES_KEY, 'lookup'] });
      return { before: setLikedInCache(queryClient, trackId, liked) };
    },
    onError: (_error, { trackId, liked }, context) => {
      setLikedInCache(queryClient, trackId, context?.before ?? !liked);
    },
    onSuccess: (state) => {
      setLikedInCache(queryClient, state.trackId, state.liked);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: likedTracksKey }),
  });
}

/** Likes several songs at once ("add to playlist" → 我喜欢的音乐). */
export function useLikeTracks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trackIds: readonly string[]) =>
      Promise.all(trackIds.map((trackId) => setLike(trackId, true))),
    onSuccess: (states) => {
      for (const state of states) setLikedInCache(queryClient, state.trackId, state.liked);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: likedTracksKey }),
  });
}

/** My liked songs, most recently liked first. */
export function useLikedTracks() {
  return useInfiniteQuery({
    queryKey: [...likedTracksKey, 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/v1/me/likes', { params: { query: { limit: 50, cursor: pageParam } }, signal })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every liked song, for "play all" on a long list. */
export const allLikedTracksQuery = queryOptions({
  queryKey: [...likedTracksKey, 'all'],
  queryFn: async ({ signal }) => {
    const tracks = [];
    let cursor: string | undefined;
    do {
      const page = await unwrap(
        api.GET('/api/v1/me/likes', { params: { query: { limit: 200, cursor } }, signal }),
      );
      tracks.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return tracks;
  },
  staleTime: 10_000,
});
