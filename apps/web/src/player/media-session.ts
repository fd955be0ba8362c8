import type { PlayerEngine, PlayerSnapshot } from './player-engine.ts';
import type { PlayerTrack } from './types.ts';

/** The parts of `navigator.mediaSession` used here, so tests can pass a fake. */
export interface MediaSessionLike {
  metadata: MediaMetadata | null;
  playbackState: MediaSessionPlaybackState;
  setActionHandler(action: MediaSessionAction, handler: MediaSessionActionHandler | null): void;
  setPositionState?(state?: MediaPositionState): void;
}

export interface MediaSessionOptions {
  createMetadata: (init: MediaMetadataInit) => MediaMetadata;
  /** absolute URLs of the cover at a few sizes */
  artwork: (track: PlayerTrack) => MediaImage[];
  seekStepSeconds?: number;
}

/**
 * Lock-screen controls and hardware media keys: mirrors the current track and play state into
 * the Media Session and routes its actions to the engine. Returns a function that unbinds.
 */
export function bindMediaSession(
  engine: PlayerEngine,
  session: MediaSessionLike,
  options: MediaSessionOptions,
): () => void {
  const step = options.seekStepSeconds ?? 10;
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => engine.play()],
    ['pause', () => engine.pause()],
    ['stop', () => engine.pause()],
    ['previoustrack', () => engine.previous()],
    ['nexttrack', () => engine.next()],
    ['seekbackward', (details) => engine.seekBy(-(details.seekOffset ?? step))],
    ['seekforward', (details) => engine.seekBy(details.seekOffset ?? step)],
    ['seekto', (details) => details.seekTime !== undefined && engine.seek(details.seekTime)],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // Browsers throw for actions they do not support.
    }
  }

  let shownUid: string | null = null;
  let lastPositionUpdate = 0;
  const update = (snapshot: PlayerSnapshot) => {
    const entry = snapshot.current;
    if ((entry?.uid ?? null) !== shownUid) {
      shownUid = entry?.uid ?? null;
      session.metadata = entry
        ? options.createMetadata({
            title: entry.track.title,
            artist: entry.track.artists.map((a) => a.name).join(' / '),
            album: entry.track.album?.title ?? '',
            artwork: options.artwork(entry.track),
          })
        : null;
    }
    session.playbackState = entry ? (snapshot.paused ? 'paused' : 'playing') : 'none';
    const now = Date.now();
    if (entry && session.setPositionState && snapshot.duration > 0 && now - lastPositionUpdate > 1000) {
      lastPositionUpdate = now;
      try {
        session.setPositionState({
          duration: snapshot.duration,
          position: Math.min(snapshot.position, snapshot.duration),
          playbackRate: 1,
        });
      } catch {
        // A position outside the duration throws; the next update corrects it.
      }
    }
  };
  update(engine.getSnapshot());
  const unsubscribe = engine.subscribe(() => update(engine.getSnapshot()));
  return () => {
    unsubscribe();
    for (const [action] of handlers) {
      try {
        session.setActionHandler(action, null);
      } catch {
        // unsupported action: nothing was set
      }
    }
    session.metadata = null;
    session.playbackState = 'none';
  };
}
