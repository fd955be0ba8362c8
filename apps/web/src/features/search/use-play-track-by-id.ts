import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { trackQuery } from '../browse/browse-queries.ts';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { usePlayer } from '../player-ui/player-context.tsx';

type How = 'now' | 'next' | 'queue';

/** Search results carry a short track; this fetches the playable one and queues it. */
export function usePlayTrackById(): (id: string, how: How) => Promise<void> {
  const queryClient = useQueryClient();
  const engine = usePlayer();
  return useCallback(
    async (id: string, how: How) => {
      const track = toPlayerTrack(await queryClient.fetchQuery(trackQuery(id)), { type: 'search' });
      if (how === 'now') engine.playNow([track]);
      else if (how === 'next') engine.playNext([track]);
      else engine.addToQueue([track]);
    },
    [queryClient, engine],
  );
}
