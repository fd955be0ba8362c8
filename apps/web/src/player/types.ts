/** What the engine needs to know about a track: enough to play it and to show it. */
export interface PlayerTrack {
  id: string;
  title: string;
  artists: readonly { id: string; name: string }[];
  album: { id: string; title: string } | null;
  durationMs: number;
  coverUrl: string | null;
  streamUrl: string;
  hasLyrics?: boolean;
  /** where the user started it from; reported with each playback (charts, recommendations) */
  source?: PlaySource;
}

export type PlaySourceType =
  | 'album'
  | 'playlist'
  | 'artist'
  | 'search'
  | 'daily'
  | 'fm'
  | 'share'
  | 'likes'
  | 'history'
  | 'chart'
  | 'library'
  | 'other';

export interface PlaySource {
  type: PlaySourceType;
  id?: string;
}

/** One place in the queue; the same track may be queued twice, so entries have their own id. */
export interface QueueEntry {
  uid: string;
  track: PlayerTrack;
}

export type PlayMode = 'sequential' | 'repeat-all' | 'repeat-one' | 'shuffle';

/** The order the mode button cycles through. */
export const PLAY_MODES: readonly PlayMode[] = ['sequential', 'repeat-all', 'repeat-one', 'shuffle'];

export function isPlayMode(value: unknown): value is PlayMode {
  return typeof value === 'string' && (PLAY_MODES as readonly string[]).includes(value);
}

export interface TimeRange {
  start: number;
  end: number;
}
