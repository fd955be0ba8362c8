import type { Track } from '../../lib/api-types.ts';
import type { PlayerTrack } from '../../player/types.ts';

/** The part of a library track the player keeps (and saves for resuming). */
export function toPlayerTrack(track: Track): PlayerTrack {
  return {
    id: track.id,
    title: track.title,
    artists: track.artists.map((a) => ({ id: a.id, name: a.name })),
    album: track.album ? { id: track.album.id, title: track.album.title } : null,
    durationMs: track.durationMs,
    coverUrl: track.coverUrl,
    streamUrl: track.streamUrl,
    hasLyrics: track.hasLyrics,
  };
}
