import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

export const PLAYLIST_PAGE_SIZE = 50;

export type SquareSort = 'hot' | 'new' | 'quality';
export type UserPlaylistKind = 'created' | 'subscribed';

/** Every cached answer about one playlist starts with this key. */
export const playlistKey = (id: string) => ['playlist', id] as const;
export const myPlaylistsKey = ['playlists', 'mine'] as const;

/** A playlist and its tracks, page by page (the header rides along on every page). */
export function usePlaylist(id: string) {
  return useInfiniteQuery({
    queryKey: [...playlistKey(id), 'pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/playlists/{id}', {
          params: { path: { id }, query: { limit: PLAYLIST_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** My own lists (private ones too) and the ones I collected: the sidebar and "add to playlist". */
export const myPlaylistsQuery = queryOptions({
  queryKey: myPlaylistsKey,
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/me/playlists', { signal }))).data,
});

export function useMyPlaylists() {
  return useQuery(myPlaylistsQuery);
}

/** The fixed tag set: it changes only with a server release. */
export function usePlaylistTags() {
  return useQuery({
    queryKey: ['playlists', 'tags'],
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/playlists/tags', { signal }))).data,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One shelf of the square (the home page's row, the quality row). */
export function usePlaylistShelf(sort: SquareSort, limit: number, tag?: string) {
  return useQuery({
    queryKey: ['playlists', 'square', tag ?? null, sort, 'shelf', limit],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/playlists', { params: { query: { sort, limit, tag } }, signal }))).data,
  });
}

export function useInfiniteSquare(sort: SquareSort, tag?: string) {
  return useInfiniteQuery({
    queryKey: ['playlists', 'square', tag ?? null, sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/playlists', {
          params: { query: { sort, tag, limit: 30, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUserPlaylists(userId: string, kind: UserPlaylistKind) {
  return useInfiniteQuery({
    queryKey: ['playlists', 'user', userId, kind],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/users/{id}/playlists', {
          params: { path: { id: userId }, query: { kind, limit: 30, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSubscribers(id: string) {
  return useInfiniteQuery({
    queryKey: [...playlistKey(id), 'subscribers'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/playlists/{id}/subscribers', {
          params: { path: { id }, query: { limit: 50, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every track of a playlist in order, for "play all" on a long list or from a card. */
export const allPlaylistTracksQuery = (id: string) =>
  queryOptions({
    queryKey: [...playlistKey(id), 'all-tracks'],
    queryFn: async ({ signal }) => {
      const tracks = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/v1/playlists/{id}', {
            params: { path: { id }, query: { limit: 200, cursor } },
            signal,
          }),
        );
        tracks.push(...page.data.tracks);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return tracks;
    },
    staleTime: 10_000,
  });
