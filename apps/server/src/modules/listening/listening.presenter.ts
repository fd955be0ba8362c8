import type { z } from 'zod';
import { coverUrl, presentAlbum, presentTrack } from '../library/browse/browse.presenter.ts';
import type { HistoryItem } from './history.service.ts';
import type { historyItemSchema, rankingSchema } from './listening.schema.ts';
import type { Ranking } from './ranking.service.ts';

export function presentHistoryItem(item: HistoryItem): z.infer<typeof historyItemSchema> {
  const playedAt = item.playedAt.toISOString();
  switch (item.kind) {
    case 'track':
      return { kind: 'track', playedAt, track: presentTrack(item.track) };
    case 'album':
      return { kind: 'album', playedAt, album: presentAlbum(item.album) };
    case 'playlist': {
      const p = item.playlist;
      return {
        kind: 'playlist',
        playedAt,
        playlist: {
          id: p.id,
          name: p.name,
          coverUrl: coverUrl(p.coverId),
          trackCount: p.trackCount,
          owner: { id: p.ownerId, nickname: p.ownerNickname },
        },
      };
    }
  }
}

export function presentRanking(ranking: Ranking): z.infer<typeof rankingSchema> {
  return {
    userId: ranking.userId,
    period: ranking.period,
    hidden: ranking.hidden,
    entries: ranking.entries.map((entry) => ({
      rank: entry.rank,
      playCount: entry.playCount,
      score: entry.score,
      track: presentTrack(entry.track),
    })),
  };
}
