import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import type { Playlist, PlaylistDetail } from '../../lib/api-types.ts';
import { moveInPages, removeFromPages } from './playlist-order.ts';
import { myPlaylistsKey, playlistKey } from './playlist-queries.ts';

type DetailPages = InfiniteData<{ data: PlaylistDetail; nextCursor: string | null }>;
type PlaylistChanges = {
  name?: string;
  description?: string;
  visibility?: 'public' | 'private';
  tags?: string[];
};

const pagesKey = (id: string) => [...playlistKey(id), 'pages'] as const;

/** Applies a change to the header every cached page of the playlist carries. */
function patchHeader(queryClient: QueryClient, id: string, patch: Partial<Playlist>) {
  queryClient.setQueryData<DetailPages>(pagesKey(id), (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, data: { ...page.data, ...patch } })) } : old,
  );
}

function setTracks(
  queryClient: QueryClient,
  id: string,
  change: (pages: PlaylistDetail['tracks'][]) => PlaylistDetail['tracks'][],
) {
  queryClient.setQueryData<DetailPages>(pagesKey(id), (old) => {
    if (!old) return old;
    const tracks = change(old.pages.map((page) => page.data.tracks));
    return {
      ...old,
      pages: old.pages.map((page, i) => ({ ...page, data: { ...page.data, tracks: tracks[i] ?? [] } })),
    };
  });
}

/** The lists that show a playlist's name, cover or counts elsewhere. */
function refreshLists(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: myPlaylistsKey });
  void queryClient.invalidateQueries({ queryKey: ['playlists', 'user'] });
}

export function useCreatePlaylist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlaylistChanges & { name: string }) =>
      (await unwrap(api.POST('/api/v1/playlists', { body }))).data,
    onSuccess: () => refreshLists(queryClient),
  });
}

export function useUpdatePlaylist(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlaylistChanges) =>
      (await unwrap(api.PATCH('/api/v1/playlists/{id}', { params: { path: { id } }, body }))).data,
    onSuccess: (playlist) => {
      patchHeader(queryClient, id, playlist);
      refreshLists(queryClient);
    },
  });
}

/** Deletes a playlist; `leave` moves off its page first, so nothing asks for it again. */
export function useDeletePlaylist(id: string, leave: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/playlists/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      leave();
      queryClient.removeQueries({ queryKey: playlistKey(id) });
      refreshLists(queryClient);
    },
  });
}

/** Adds tracks to any of my playlists ("add to playlist" from anywhere). */
export function useAddTracks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ playlistId, trackIds }: { playlistId: string; trackIds: readonly string[] }) =>
      (
        await unwrap(
          api.POST('/api/v1/playlists/{id}/tracks', {
            params: { path: { id: playlistId } },
            body: { trackIds: [...trackIds] },
          }),
        )
      ).data,
    onSuccess: (_result, { playlistId }) => {
      void queryClient.invalidateQueries({ queryKey: playlistKey(playlistId) });
      refreshLists(queryClient);
    },
  });
}

export function useRemoveTracks(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (trackIds: readonly string[]) =>
      (
        await unwrap(
          api.DELETE('/api/v1/playlists/{id}/tracks', {
            params: { path: { id } },
            body: { trackIds: [...trackIds] },
          }),
        )
      ).data,
    onMutate: async (trackIds) => {
      await queryClient.cancelQueries({ queryKey: pagesKey(id) });
      const gone = new Set(trackIds);
      setTracks(queryClient, id, (pages) => removeFromPages(pages, (track) => gone.has(track.id)));
    },
    onSuccess: ({ trackCount, durationMs }) => patchHeader(queryClient, id, { trackCount, durationMs }),
    // The automatic cover may have changed with the first tracks.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: playlistKey(id) });
      refreshLists(queryClient);
    },
  });
}

/** A drag: the rows move at once; the server is told which track the moved one now follows. */
export function useMoveTrack(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: { from: number; to: number; trackId: string; afterTrackId: string | null }) =>
      unwrap(
        api.PUT('/api/v1/playlists/{id}/order', {
          params: { path: { id } },
          body: { trackId: move.trackId, afterTrackId: move.afterTrackId },
        }),
      ),
    onMutate: async ({ from, to }) => {
      await queryClient.cancelQueries({ queryKey: pagesKey(id) });
      setTracks(queryClient, id, (pages) => moveInPages(pages, from, to));
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: pagesKey(id) }),
    // The automatic cover follows the first tracks: fetch it (the order is already right).
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: playlistKey(id) });
      refreshLists(queryClient);
    },
  });
}

export function useUploadCover(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      // The route reads multipart itself, so the contract has no JSON body; FormData goes as is.
      const result = await unwrap(
        api.PUT('/api/v1/playlists/{id}/cover', {
          params: { path: { id } },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
      return result.data;
    },
    onSuccess: (playlist) => {
      patchHeader(queryClient, id, playlist);
      refreshLists(queryClient);
    },
  });
}

export function useResetCover(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await unwrap(api.DELETE('/api/v1/playlists/{id}/cover', { params: { path: { id } } }))).data,
    onSuccess: (playlist) => {
      patchHeader(queryClient, id, playlist);
      refreshLists(queryClient);
    },
  });
}

/** Collect or let go of someone else's playlist. */
export function useSubscription(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (subscribe: boolean) => {
      const options = { params: { path: { id } } };
      const call = subscribe
        ? api.POST('/api/v1/playlists/{id}/subscription', options)
        : api.DELETE('/api/v1/playlists/{id}/subscription', options);
      return (await unwrap(call)).data;
    },
    onSuccess: ({ subscribed, subscriberCount }) => {
      patchHeader(queryClient, id, { subscribed, subscriberCount });
      void queryClient.invalidateQueries({ queryKey: [...playlistKey(id), 'subscribers'] });
      refreshLists(queryClient);
    },
  });
}
