import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { HtmlAudioBackend } from '../../player/audio-backend.ts';
import { bindMediaSession } from '../../player/media-session.ts';
import { PlayerEngine, type PlayerSnapshot } from '../../player/player-engine.ts';
import { parseResumeState, persistResumeState } from '../../player/resume-state.ts';
import { coverSrc } from '../../lib/cover-url.ts';
import { useMe } from '../auth/auth-queries.ts';
import { OUTBOX_KEY, startListeningReporting } from './listening-reporting.ts';
import { sendListeningEvents } from './listening-send.ts';

const RESUME_KEY = 'resonance.player';

const PlayerContext = createContext<PlayerEngine | null>(null);

function createEngine(): PlayerEngine {
  const engine = new PlayerEngine({ createBackend: () => new HtmlAudioBackend() });
  try {
    const saved = parseResumeState(localStorage.getItem(RESUME_KEY));
    if (saved) engine.restoreState(saved);
  } catch {
    // storage disabled: start with an empty queue
  }
  return engine;
}

function storageOrNull(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** Forgets the saved queue (on logout: the next person on this browser starts fresh). */
export function forgetSavedQueue(): void {
  try {
    localStorage.removeItem(RESUME_KEY);
  } catch {
    // nothing saved
  }
}

/**
 * Owns the one playback engine for the page's lifetime. It sits above the router, so moving
 * between pages never interrupts playback.
 */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const engineRef = useRef<PlayerEngine | null>(null);
  engineRef.current ??= createEngine();
  const engine = engineRef.current;

  useEffect(() => {
    const persister = persistResumeState(engine, localStorage, RESUME_KEY);
    const flush = () => persister.flush();
    window.addEventListener('pagehide', flush);
    let unbindSession: (() => void) | undefined;
    if ('mediaSession' in navigator && typeof MediaMetadata !== 'undefined') {
      unbindSession = bindMediaSession(engine, navigator.mediaSession, {
        createMetadata: (init) => new MediaMetadata(init),
        artwork: (track) =>
          [256, 512].flatMap((size) => {
            const src = coverSrc(track.coverUrl, size);
            return src ? [{ src: new URL(src, location.origin).href, sizes: `${size}x${size}` }] : [];
          }),
      });
    }
    return () => {
      window.removeEventListener('pagehide', flush);
      persister.flush();
      persister.dispose();
      unbindSession?.();
    };
  }, [engine]);

  // Playbacks are reported for the signed-in listener; events waiting in one person's outbox
  // are only ever sent in their own session.
  const userId = useMe().data?.id;
  useEffect(() => {
    if (!userId) return;
    return startListeningReporting(engine, {
      storage: storageOrNull(),
      key: `${OUTBOX_KEY}.${userId}`,
      send: sendListeningEvents,
      page: window,
    });
  }, [engine, userId]);

  return <PlayerContext.Provider value={engine}>{children}</PlayerContext.Provider>;
}

export function usePlayer(): PlayerEngine {
  const engine = useContext(PlayerContext);
  if (!engine) throw new Error('usePlayer outside PlayerProvider');
  return engine;
}

/**
 * A slice of the player state; the component re-renders only when the slice changes (compare
 * with Object.is, so select primitives or stable references).
 */
export function usePlayerState<T>(select: (snapshot: PlayerSnapshot) => T): T {
  const engine = usePlayer();
  return useSyncExternalStore(engine.subscribe, () => select(engine.getSnapshot()));
}
