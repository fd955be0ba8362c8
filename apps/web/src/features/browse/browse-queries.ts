import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';

export const PAGE_SIZE = 50;

type AlbumSort = 'title' | 'newest' | 'year' | 'random';
type TrackSort = 'title' | 'newest' | 'duration';
type ArtistSort = 'name' | 'newest';

export const albumQuery = (id: string) =>
  queryOptions({
    queryKey: ['album', id],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/albums/{id}', { params: { path: { id } }, signal }))).data,
  });

export const artistQuery = (id: string) =>
  queryOptions({
    queryKey: ['artist', id],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/artists/{id}', { params: { path: { id } }, signal }))).data,
  });

export const trackQuery = (id: string) =>
  queryOptions({
    queryKey: ['track', id],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/tracks/{id}', { params: { path: { id } }, signal }))).data,
    staleTime: 5 * 60_000,
  });

export function useAlbum(id: string) {
  return useQuery(albumQuery(id));
}

export function useArtist(id: string) {
  return useQuery(artistQuery(id));
}

/** One page of albums (the home page's shelves). */
export function useAlbumShelf(sort: AlbumSort, limit: number) {
  return useQuery({
    queryKey: ['albums', 'shelf', sort, limit],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/albums', { params: { query: { sort, limit } }, signal }))).data,
    // A random shelf stays put until the user asks for new picks.
    staleTime: sort === 'random' ? Number.POSITIVE_INFINITY : 60_000,
  });
}

export function useTrackShelf(sort: TrackSort, limit: number) {
  return useQuery({
    queryKey: ['tracks', 'shelf', sort, limit],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/tracks', { params: { query: { sort, limit } }, signal }))).data,
  });
}

export function useInfiniteAlbums(sort: AlbumSort) {
  return useInfiniteQuery({
    queryKey: ['albums', 'all', sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/albums', {
          params: { query: { sort, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInfiniteArtists(sort: ArtistSort) {
  return useInfiniteQuery({
    queryKey: ['artists', 'all', sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/artists', {
          params: { query: { sort, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInfiniteTracks(sort: TrackSort) {
  return useInfiniteQuery({
    queryKey: ['tracks', 'all', sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/tracks', {
          params: { query: { sort, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
