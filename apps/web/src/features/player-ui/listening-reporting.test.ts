import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendOutcome } from '../../player/listening-outbox.ts';
import type { ListeningEvent } from '../../player/listening-tracker.ts';
import { PlayerEngine } from '../../player/player-engine.ts';
import type { KeyValueStorage } from '../../player/resume-state.ts';
import { FakeAudioBackend } from '../../player/testing/fake-audio-backend.ts';
import type { PlayerTrack } from '../../player/types.ts';
import {
  END_FLUSH_DELAY_MS,
  FLUSH_EVERY_MS,
  OUTBOX_KEY,
  startListeningReporting,
} from './listening-reporting.ts';

const track = (id: string): PlayerTrack => ({
  id,
  title: id,
  artists: [],
  album: null,
  durationMs: 100_000,
  coverUrl: null,
  streamUrl: `/api/v1/tracks/${id}/stream`,
  source: { type: 'playlist', id: 'pl1' },
});

function setup(outcomes: SendOutcome[] = [], storage = memoryStorage()) {
  const backends: FakeAudioBackend[] = [];
  const engine = new PlayerEngine({
    createBackend: () => {
      const backend = new FakeAudioBackend();
      backends.push(backend);
      return backend;
    },
  });
  const page = new EventTarget();
  const sent: { events: ListeningEvent[]; keepalive: boolean }[] = [];
  let id = 0;
  const stop = startListeningReporting(engine, {
    storage,
    page,
    makeId: () => `id-${++id}`,
    send: async (events, { keepalive }) => {
      sent.push({ events, keepalive });
      return outcomes.shift() ?? 'sent';
    },
  });
  const active = () => backends.find((b) => b.active)!;
  const listen = (seconds: number) => {
    for (let i = 0; i < seconds; i++) active().advance(1);
  };
  const summary = () =>
    sent.flatMap((batch) =>
      batch.events.map((e) => `${e.type}:${e.trackId}${e.endReason ? `:${e.endReason}` : ''}`),
    );
  return { engine, page, sent, stop, active, listen, summary, storage };
}

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('reporting playback to the listening log', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a finished playback soon after it ends, with where it was played from', async () => {
    const { engine, active, listen, summary, sent, stop } = setup();
    engine.playTracks([track('a'), track('b')], 0);
    listen(99);
    active().finish();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(END_FLUSH_DELAY_MS);
    expect(summary()).toEqual(['start:a', 'end:a:finished', 'start:b']);
    expect(sent[0]!.events.every((e) => e.source.type === 'playlist' && e.source.id === 'pl1')).toBe(true);
    expect(sent[0]!.keepalive).toBe(false);
    stop();
  });

  it('sends what is waiting every so often while a track plays', async () => {
    const { engine, listen, summary, stop } = setup();
    engine.playTracks([track('a')], 0);
    listen(3);
    expect(summary()).toEqual([]);
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS);
    expect(summary()).toEqual(['start:a']);
    stop();
  });

  it('ends the playing track as interrupted when the page goes away, sent with keepalive', async () => {
    const { engine, page, listen, sent, summary, stop } = setup();
    await vi.advanceTimersByTimeAsync(0); // the first look for events left from before is done
    engine.playTracks([track('a')], 0);
    listen(20);
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(summary()).toEqual(['start:a', 'end:a:interrupted']);
    expect(sent[0]!.keepalive).toBe(true);
    expect(sent[0]!.events[1]!.playedMs).toBe(20_000);
    stop();
  });

  it('keeps what the server could not take and sends it on the next visit', async () => {
    const first = setup(['retry']);
    await vi.advanceTimersByTimeAsync(0);
    first.engine.playTracks([track('a')], 0);
    first.listen(5);
    first.page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    first.stop();
    expect(JSON.parse(first.storage.data.get(OUTBOX_KEY) ?? '[]')).toHaveLength(2);

    const second = setup([], first.storage);
    await vi.advanceTimersByTimeAsync(0);
    expect(second.summary()).toEqual(['start:a', 'end:a:interrupted']);
    expect(JSON.parse(second.storage.data.get(OUTBOX_KEY) ?? '')).toEqual([]);
    second.stop();
  });

  it('stops listening to the player when stopped', async () => {
    const { engine, listen, summary, stop } = setup();
    stop();
    engine.playTracks([track('a')], 0);
    listen(3);
    await vi.advanceTimersByTimeAsync(FLUSH_EVERY_MS * 2);
    expect(summary()).toEqual([]);
  });
});
