import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { usePlayer } from '../player-ui/player-context.tsx';
import { allPlaylistTracksQuery } from './playlist-queries.ts';

type How = 'play' | 'queue';

/** Plays (or queues) a whole playlist, fetching every page of it first. */
export function usePlayPlaylist(): (playlistId: string, how?: How) => Promise<void> {
  const queryClient = useQueryClient();
  const engine = usePlayer();
  return useCallback(
    async (playlistId: string, how: How = 'play') => {
      const tracks = (await queryClient.fetchQuery(allPlaylistTracksQuery(playlistId))).map((track) =>
        toPlayerTrack(track, { type: 'playlist', id: playlistId }),
      );
      if (tracks.length === 0) return;
      if (how === 'play') engine.playTracks(tracks, 0);
      else engine.addToQueue(tracks);
    },
    [queryClient, engine],
  );
}
