import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { usePlayer } from '../player-ui/player-context.tsx';
import { albumQuery } from './browse-queries.ts';
import { toPlayerTrack } from './to-player-track.ts';

/** Plays a whole album from a card, fetching its tracks first (cached for the album page). */
export function usePlayAlbum(): (albumId: string) => Promise<void> {
  const queryClient = useQueryClient();
  const engine = usePlayer();
  return useCallback(
    async (albumId: string) => {
      const album = await queryClient.fetchQuery(albumQuery(albumId));
      engine.playTracks(
        album.tracks.map((track) => toPlayerTrack(track, { type: 'album', id: albumId })),
        0,
      );
    },
    [queryClient, engine],
  );
}
