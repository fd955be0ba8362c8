import { describe, expect, it } from 'vitest';
import { PlayerEngine } from './player-engine.ts';
import { parseResumeState, serializeResumeState } from './resume-state.ts';
import { FakeAudioBackend, seededRandom } from './testing/fake-audio-backend.ts';
import type { PlayerTrack } from './types.ts';

function track(id: string, seconds = 100): PlayerTrack {
  return {
    id,
    title: `Song ${id}`,
    artists: [{ id: 'ar1', name: 'Artist' }],
    album: { id: 'al1', title: 'Album' },
    durationMs: seconds * 1000,
    coverUrl: null,
    streamUrl: `/api/v1/tracks/${id}/stream`,
  };
}
const tracks = (...ids: string[]) => ids.map((id) => track(id));

function setup(options: { seed?: number } = {}) {
  const backends: FakeAudioBackend[] = [];
  let uid = 0;
  const engine = new PlayerEngine({
    createBackend: () => {
      const backend = new FakeAudioBackend();
      backends.push(backend);
      return backend;
    },
    random: seededRandom(options.seed ?? 42),
    makeUid: () => `u${++uid}`,
    preloadLeadSeconds: 20,
  });
  const active = () => {
    const found = backends.find((b) => b.active);
    if (!found) throw new Error('no active backend');
    return found;
  };
  const standby = () => backends.find((b) => !b.active) as FakeAudioBackend;
  const currentId = () => engine.getSnapshot().current?.track.id;
  return { engine, backends, active, standby, currentId };
}

describe('PlayerEngine', () => {
  it('plays a list from the chosen track and reports progress', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b', 'c'), 1);
    expect(currentId()).toBe('b');
    expect(active().src).toBe('/api/v1/tracks/b/stream');
    expect(engine.getSnapshot().paused).toBe(false);
    active().advance(12);
    expect(engine.getSnapshot().position).toBe(12);
    expect(engine.getSnapshot().duration).toBe(100);
  });

  it('moves on when a track ends and stops after the last one in sequential mode', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b'));
    active().finish();
    expect(currentId()).toBe('b');
    expect(engine.getSnapshot().paused).toBe(false);
    active().finish();
    expect(currentId()).toBe('b');
    expect(engine.getSnapshot().paused).toBe(true);
    engine.next();
    expect(currentId()).toBe('b');
  });

  it('does not treat the pause at the end of a track as the user pausing', () => {
    const { engine, active } = setup();
    engine.playTracks(tracks('a', 'b'));
    active().finish();
    expect(engine.getSnapshot().paused).toBe(false);
  });

  it('wraps around in repeat-all mode, both ways', () => {
    const { engine, active, currentId } = setup();
    engine.setMode('repeat-all');
    engine.playTracks(tracks('a', 'b'), 1);
    active().finish();
    expect(currentId()).toBe('a');
    engine.previous();
    expect(currentId()).toBe('b');
  });

  it('repeats one track when it ends, but "next" still moves on', () => {
    const { engine, active, currentId } = setup();
    engine.setMode('repeat-one');
    engine.playTracks(tracks('a', 'b'));
    active().advance(100);
    active().finish();
    expect(currentId()).toBe('a');
    expect(active().currentTime).toBe(0);
    expect(engine.getSnapshot().paused).toBe(false);
    engine.next();
    expect(currentId()).toBe('b');
  });

  it('restarts the track on "previous" after the first seconds, else goes back', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b'), 1);
    active().advance(30);
    engine.previous();
    expect(currentId()).toBe('b');
    expect(engine.getSnapshot().position).toBe(0);
    engine.previous();
    expect(currentId()).toBe('a');
    engine.previous();
    expect(currentId()).toBe('a');
  });

  it('preloads the next track near the end and swaps to it when the track ends', () => {
    const { engine, active, standby, currentId } = setup();
    engine.playTracks(tracks('a', 'b'));
    const first = active();
    first.advance(50);
    expect(standby().src).toBeNull();
    first.advance(35);
    expect(standby().src).toBe('/api/v1/tracks/b/stream');
    expect(standby().preload).toBe('auto');
    const preloaded = standby();
    first.finish();
    expect(currentId()).toBe('b');
    expect(active()).toBe(preloaded);
    expect(preloaded.paused).toBe(false);
    expect(first.src).toBeNull();
  });

  it('preloads the track that will really play next after the queue changes', () => {
    const { engine, active, standby, currentId } = setup();
    engine.playTracks(tracks('a', 'b'));
    active().advance(90);
    expect(standby().src).toContain('/b/');
    engine.playNext(tracks('x'));
    active().advance(1);
    expect(standby().src).toContain('/x/');
    active().finish();
    expect(currentId()).toBe('x');
  });

  it('plays every queued track once in shuffle mode before repeating', () => {
    const { engine, active, currentId } = setup({ seed: 11 });
    engine.setMode('shuffle');
    engine.playTracks(tracks('a', 'b', 'c', 'd', 'e'), 2);
    const played = [currentId()];
    for (let i = 0; i < 4; i++) {
      active().finish();
      played.push(currentId());
    }
    expect(played[0]).toBe('c');
    expect(new Set(played).size).toBe(5);
    active().finish();
    expect(engine.getSnapshot().paused).toBe(false);
    expect(currentId()).not.toBe(played[4]);
  });

  it('goes back through the shuffle history with "previous"', () => {
    const { engine, active, currentId } = setup({ seed: 5 });
    engine.setMode('shuffle');
    engine.playTracks(tracks('a', 'b', 'c', 'd'));
    active().finish();
    const second = currentId();
    active().finish();
    engine.previous();
    expect(currentId()).toBe(second);
    engine.previous();
    expect(currentId()).toBe('a');
  });

  it('plays "play next" entries after the current one, in every mode', () => {
    for (const mode of ['sequential', 'shuffle'] as const) {
      const { engine, active, currentId } = setup();
      engine.setMode(mode);
      engine.playTracks(tracks('a', 'b', 'c'));
      engine.playNext(tracks('x', 'y'));
      expect(engine.getSnapshot().entries.map((e) => e.track.id)).toEqual(['a', 'x', 'y', 'b', 'c']);
      active().finish();
      expect(currentId()).toBe('x');
      active().finish();
      expect(currentId()).toBe('y');
    }
  });

  it('plays a track now, keeping the rest of the queue after it', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b'));
    engine.playNow(tracks('x'));
    expect(currentId()).toBe('x');
    expect(engine.getSnapshot().entries.map((e) => e.track.id)).toEqual(['a', 'x', 'b']);
    active().finish();
    expect(currentId()).toBe('b');
    const empty = setup();
    empty.engine.playNow(tracks('y'));
    expect(empty.currentId()).toBe('y');
    expect(empty.engine.getSnapshot().paused).toBe(false);
  });

  it('adds to an empty queue without starting playback', () => {
    const { engine, currentId } = setup();
    engine.addToQueue(tracks('a', 'b'));
    expect(currentId()).toBe('a');
    expect(engine.getSnapshot().paused).toBe(true);
    engine.addToQueue(tracks('c'));
    expect(engine.getSnapshot().entries).toHaveLength(3);
  });

  it('plays the following track when the playing one is removed', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b', 'c'));
    const uid = engine.getSnapshot().current?.uid as string;
    engine.remove(uid);
    expect(currentId()).toBe('b');
    expect(engine.getSnapshot().paused).toBe(false);
    expect(active().src).toContain('/b/');
  });

  it('reorders without interrupting the current track', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b', 'c'));
    active().advance(10);
    engine.move(0, 2);
    expect(engine.getSnapshot().entries.map((e) => e.track.id)).toEqual(['b', 'c', 'a']);
    expect(currentId()).toBe('a');
    expect(engine.getSnapshot().position).toBe(10);
    active().finish();
    expect(engine.getSnapshot().paused).toBe(true);
  });

  it('clears the queue and stops', () => {
    const { engine, active } = setup();
    engine.playTracks(tracks('a', 'b'));
    engine.clear();
    const snapshot = engine.getSnapshot();
    expect(snapshot.entries).toHaveLength(0);
    expect(snapshot.current).toBeNull();
    expect(snapshot.paused).toBe(true);
    expect(active().src).toBeNull();
  });

  it('reports paused when the browser refuses to autoplay', async () => {
    const { engine, backends } = setup();
    for (const backend of backends) backend.refusePlay = true;
    engine.playTracks(tracks('a'));
    await Promise.resolve();
    await Promise.resolve();
    expect(engine.getSnapshot().paused).toBe(true);
  });

  it('skips a track that fails and gives up when every track fails', () => {
    const { engine, active, currentId } = setup();
    engine.playTracks(tracks('a', 'b'));
    active().emit('error');
    expect(currentId()).toBe('b');
    active().emit('error');
    expect(engine.getSnapshot().error).toBe('playback_failed');
    expect(engine.getSnapshot().paused).toBe(true);
  });

  it('changes volume and mute on both outputs', () => {
    const { engine, backends } = setup();
    engine.setVolume(0.3);
    engine.toggleMute();
    for (const backend of backends) expect([backend.volume, backend.muted]).toEqual([0.3, true]);
    engine.setVolume(2);
    expect(engine.getSnapshot().volume).toBe(1);
    expect(engine.getSnapshot().muted).toBe(false);
  });

  it('cycles sequential → repeat-all → repeat-one → shuffle', () => {
    const { engine } = setup();
    const seen = [engine.getSnapshot().mode];
    for (let i = 0; i < 4; i++) {
      engine.cycleMode();
      seen.push(engine.getSnapshot().mode);
    }
    expect(seen).toEqual(['sequential', 'repeat-all', 'repeat-one', 'shuffle', 'sequential']);
  });

  it('resumes the queue, track and position after a reload, paused', () => {
    const first = setup();
    first.engine.setMode('repeat-all');
    first.engine.setVolume(0.5);
    first.engine.playTracks(tracks('a', 'b', 'c'), 1);
    first.active().advance(42);
    const saved = serializeResumeState(first.engine.exportState());

    const second = setup();
    const state = parseResumeState(saved);
    expect(state).not.toBeNull();
    second.engine.restoreState(state!);
    const snapshot = second.engine.getSnapshot();
    expect(snapshot.entries.map((e) => e.track.id)).toEqual(['a', 'b', 'c']);
    expect(second.currentId()).toBe('b');
    expect(snapshot.position).toBe(42);
    expect(snapshot.paused).toBe(true);
    expect(snapshot.mode).toBe('repeat-all');
    expect(snapshot.volume).toBe(0.5);
    expect(second.active().src).toContain('/b/');
    expect(second.active().currentTime).toBe(42);
    second.engine.play();
    expect(second.engine.getSnapshot().paused).toBe(false);
    expect(second.active().currentTime).toBe(42);
  });

  it('resumes a shuffle where it was, continuing with the unplayed tracks', () => {
    const first = setup({ seed: 3 });
    first.engine.setMode('shuffle');
    first.engine.playTracks(tracks('a', 'b', 'c', 'd'));
    first.active().finish();
    const played = [first.currentId(), 'a'];
    const second = setup({ seed: 99 });
    second.engine.restoreState(parseResumeState(serializeResumeState(first.engine.exportState()))!);
    second.engine.play();
    second.active().finish();
    played.push(second.currentId());
    second.active().finish();
    played.push(second.currentId());
    expect(new Set(played).size).toBe(4);
  });
});
