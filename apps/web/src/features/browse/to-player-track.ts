import type { Track } from '../../lib/api-types.ts';
import type { PlaySource, PlayerTrack } from '../../player/types.ts';

/**
 * The part of a library track the player keeps (and saves for resuming), with where it is
 * played from (reported to the listening log).
 */
export function toPlayerTrack(track: Track, source?: PlaySource): PlayerTrack {
  return {
    id: track.id,
    title: track.title,
    artists: track.artists.map((a) => ({ id: a.id, name: a.name })),
    album: track.album ? { id: track.album.id, title: track.album.title } : null,
    durationMs: track.durationMs,
    coverUrl: track.coverUrl,
    streamUrl: track.streamUrl,
    hasLyrics: track.hasLyrics,
    ...(source ? { source } : {}),
  };
}
