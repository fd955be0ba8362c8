import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListeningTracker, randomUuid, type ListeningEvent } from './listening-tracker.ts';
import { PlayerEngine } from './player-engine.ts';
import { FakeAudioBackend } from './testing/fake-audio-backend.ts';
import type { PlayerTrack } from './types.ts';

function track(id: string, seconds = 100): PlayerTrack {
  return {
    id,
    title: `Song ${id}`,
    artists: [],
    album: null,
    durationMs: seconds * 1000,
    coverUrl: null,
    streamUrl: `/api/v1/tracks/${id}/stream`,
    source: { type: 'album', id: 'album-1' },
  };
}

function setup() {
  const backends: FakeAudioBackend[] = [];
  const engine = new PlayerEngine({
    createBackend: () => {
      const backend = new FakeAudioBackend();
      backends.push(backend);
      return backend;
    },
  });
  let now = Date.UTC(2026, 10, 22, 12);
  let id = 0;
  const events: ListeningEvent[] = [];
  const tracker = new ListeningTracker({
    emit: (event) => events.push(event),
    now: () => now,
    makeId: () => `id-${++id}`,
    client: 'web',
  });
  engine.subscribe(() => tracker.observe(engine.getSnapshot()));
  const active = () => backends.find((b) => b.active) as FakeAudioBackend;
  /** plays `seconds` in 1 s steps, as a browser's timeupdate would */
  const listen = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      now += 1000;
      active().advance(1);
    }
  };
  return { engine, tracker, events, active, listen };
}

const summary = (events: ListeningEvent[]) =>
  events.map((e) => [e.type, e.trackId, e.endReason ?? '', e.playedMs, e.repeat]);

describe('ListeningTracker', () => {
  it('reports a start and a finished end with the time heard and the source', () => {
    const { engine, events, listen, active } = setup();
    engine.playTracks([track('a'), track('b')]);
    listen(99);
    active().finish();
    expect(summary(events)).toEqual([
      ['start', 'a', '', 0, false],
      ['progress', 'a', '', 30_000, false],
      ['progress', 'a', '', 60_000, false],
      ['progress', 'a', '', 90_000, false],
      ['end', 'a', 'finished', 99_000, false],
      ['start', 'b', '', 0, false],
    ]);
    const end = events[4] as ListeningEvent;
    expect(end).toMatchObject({
      source: { type: 'album', id: 'album-1' },
      client: 'web',
      positionMs: 99_000,
    });
    expect(new Set(events.filter((e) => e.trackId === 'a').map((e) => e.playbackId)).size).toBe(1);
  });

  it('reports a skip with the position it happened at', () => {
    const { engine, events, listen } = setup();
    engine.playTracks([track('a'), track('b')]);
    listen(12);
    engine.next();
    const end = events.find((e) => e.type === 'end');
    expect(end).toMatchObject({ trackId: 'a', endReason: 'skipped', positionMs: 12_000, playedMs: 12_000 });
  });

  it('does not count seeked-over audio or paused time as heard', () => {
    const { engine, events, listen, active } = setup();
    engine.playTracks([track('a'), track('b')]);
    listen(5);
    engine.seek(90);
    active().advance(0);
    engine.pause();
    listen(0);
    engine.play();
    listen(3);
    engine.next();
    expect(events.find((e) => e.type === 'end')).toMatchObject({ playedMs: 8_000, endReason: 'skipped' });
  });

  it('marks each loop of a repeated track as a repeat playback', () => {
    const { engine, events, listen, active } = setup();
    engine.setMode('repeat-one');
    engine.playTracks([track('a'), track('b')]);
    listen(99);
    active().finish();
    listen(10);
    const relevant = events.filter((e) => e.type !== 'progress');
    expect(summary(relevant)).toEqual([
      ['start', 'a', '', 0, false],
      ['end', 'a', 'finished', 99_000, false],
      ['start', 'a', '', 0, true],
    ]);
    expect(relevant[2]?.playbackId).not.toBe(relevant[0]?.playbackId);
  });

  it('ends the playback as interrupted when the page goes away, and only once', () => {
    const { engine, tracker, events, listen } = setup();
    engine.playTracks([track('a')]);
    listen(40);
    tracker.interrupt();
    tracker.interrupt();
    expect(events.filter((e) => e.type === 'end')).toEqual([
      expect.objectContaining({ endReason: 'interrupted', playedMs: 40_000 }),
    ]);
  });

  it('does not start a playback for a queue restored paused', () => {
    const { engine, events } = setup();
    engine.addToQueue([track('a')]);
    expect(events).toEqual([]);
  });
});

describe('randomUuid', () => {
  it('always makes a well-formed v4 UUID', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(randomUuid(() => bytes)).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }),
    );
  });
});
