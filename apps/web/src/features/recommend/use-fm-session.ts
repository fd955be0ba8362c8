import { useSyncExternalStore } from 'react';
import type { PlayerEngine } from '../../player/player-engine.ts';
import type { PlayerTrack } from '../../player/types.ts';
import { usePlayer, usePlayerState } from '../player-ui/player-context.tsx';
import { fmApi } from './fm-api.ts';
import { FmSession, type FmState } from './fm-session.ts';

/** One FM session per player, living as long as it does (so FM keeps going across pages). */
const sessions = new WeakMap<PlayerEngine, FmSession>();

function sessionFor(engine: PlayerEngine): FmSession {
  let session = sessions.get(engine);
  if (!session) {
    session = new FmSession(engine, fmApi);
    sessions.set(engine, session);
  }
  return session;
}

export function useFmSession(): { session: FmSession; state: FmState } {
  const session = sessionFor(usePlayer());
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { session, state };
}

/** The stream and what it is playing: the track (null while FM is not on) and whether it plays. */
export function useFmNowPlaying(): {
  session: FmSession;
  state: FmState;
  track: PlayerTrack | null;
  playing: boolean;
} {
  const { session, state } = useFmSession();
  const current = usePlayerState((s) => s.current);
  const paused = usePlayerState((s) => s.paused);
  const track = state.active ? (current?.track ?? null) : null;
  return { session, state, track, playing: track !== null && !paused };
}
