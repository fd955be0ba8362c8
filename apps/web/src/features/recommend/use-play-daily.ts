import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { PlayerTrack } from '../../player/types.ts';
import { toPlayerTrack } from '../browse/to-player-track.ts';
import { usePlayer } from '../player-ui/player-context.tsx';
import { dailyQuery } from './recommend-queries.ts';
import type { DailyRecommendations } from './recommend-types.ts';

/** A day's list as the player's queue, reported to the listening log as played from 'daily'. */
export function dailyQueue(list: DailyRecommendations): PlayerTrack[] {
  return list.tracks.map(({ track }) => toPlayerTrack(track, { type: 'daily', id: list.date }));
}

/** Plays today's list from the top (the home card), fetching it first when need be. */
export function usePlayTodaysPicks(): () => Promise<void> {
  const queryClient = useQueryClient();
  const engine = usePlayer();
  return useCallback(async () => {
    const list = await queryClient.fetchQuery(dailyQuery(null));
    engine.playTracks(dailyQueue(list), 0);
  }, [queryClient, engine]);
}
