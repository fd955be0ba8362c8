import { describe, expect, it } from 'vitest';
import { PlayerEngine } from '../../player/player-engine.ts';
import { FakeAudioBackend } from '../../player/testing/fake-audio-backend.ts';
import type { PlayerTrack } from '../../player/types.ts';
import { FM_SOURCE, FmSession, type FmApi, type FmItem, type FmSessionOptions } from './fm-session.ts';
import type { FmMode } from './recommend-types.ts';

function track(id: string, source: PlayerTrack['source'] = FM_SOURCE): PlayerTrack {
  return {
    id,
    title: `Song ${id}`,
    artists: [{ id: 'ar', name: 'Artist' }],
    album: null,
    durationMs: 100_000,
    coverUrl: null,
    streamUrl: `/api/v1/tracks/${id}/stream`,
    source,
  };
}

const item = (id: string): FmItem => ({ track: track(id), reason: { kind: 'discovery' } });

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * A stand-in server: it hands out t1, t2, t3… in batches and, unlike the real one, offers
 * `resend` again in every batch, to prove the client never queues a trashed track.
 */
function fakeServer() {
  let next = 1;
  const requests: { count: number; mode: FmMode | null }[] = [];
  const trashed: string[] = [];
  const server = {
    requests,
    trashed,
    resend: null as string | null,
    /** when set, the bin answers only once the test resolves it */
    trashGate: null as Deferred | null,
    /** when set, batches are answered only once the test resolves it */
    nextGate: null as Deferred | null,
    api: {
      next: async (count: number, mode: FmMode | null) => {
        requests.push({ count, mode });
        await server.nextGate?.promise;
        const ids = Array.from({ length: count }, () => `t${next++}`);
        if (server.resend) ids.unshift(server.resend);
        return { mode: mode ?? 'default', items: ids.map(item) };
      },
      trash: async (trackId: string) => {
        trashed.push(trackId);
        await server.trashGate?.promise;
      },
    } satisfies FmApi,
  };
  return server;
}

function setup(options: FmSessionOptions = { batchSize: 3, refillAt: 1 }) {
  const backends: FakeAudioBackend[] = [];
  const engine = new PlayerEngine({
    createBackend: () => {
      const backend = new FakeAudioBackend();
      backends.push(backend);
      return backend;
    },
  });
  const server = fakeServer();
  const session = new FmSession(engine, server.api, options);
  const active = () => backends.find((backend) => backend.active)!;
  const currentId = () => engine.getSnapshot().current?.track.id;
  const queuedIds = () => engine.getSnapshot().entries.map((entry) => entry.track.id);
  return { engine, server, session, active, currentId, queuedIds };
}

/** Lets the promises of the fake server settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('FmSession', () => {
  it('plays the stream through the player, marked as FM', async () => {
    const { engine, session, server, currentId } = setup();
    engine.setMode('shuffle');
    await session.start();
    expect(currentId()).toBe('t1');
    expect(engine.getSnapshot().current?.track.source).toEqual({ type: 'fm' });
    expect(engine.getSnapshot().paused).toBe(false);
    expect(engine.getSnapshot().mode).toBe('sequential');
    expect(server.requests).toEqual([{ count: 3, mode: null }]);
    expect(session.getSnapshot()).toMatchObject({ active: true, mode: 'default' });
    expect(session.getSnapshot().reasons.get('t1')).toEqual({ kind: 'discovery' });
  });

  it('is on only once its first batch plays', async () => {
    const { engine, session, server, currentId } = setup();
    engine.playTracks([track('x', { type: 'album' })]);
    server.nextGate = deferred();
    const started = session.start();
    expect(session.getSnapshot()).toMatchObject({ active: false, loading: true });
    expect(currentId()).toBe('x');
    server.nextGate.resolve();
    await started;
    expect(session.getSnapshot()).toMatchObject({ active: true, loading: false });
    expect(currentId()).toBe('t1');
  });

  it('fetches the next batch when one or two tracks remain, so it never runs out', async () => {
    const { session, server, active, currentId, queuedIds, engine } = setup();
    await session.start();
    // t1 playing, t2 and t3 waiting: enough for now.
    expect(server.requests).toHaveLength(1);
    active().finish();
    await settle();
    // t2 playing, only t3 left: the next batch is queued behind it.
    expect(server.requests).toHaveLength(2);
    expect(queuedIds()).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
    for (let played = 3; played <= 12; played++) {
      active().finish();
      await settle();
      expect(currentId()).toBe(`t${played}`);
      expect(engine.getSnapshot().paused).toBe(false);
    }
    expect(server.requests.length).toBeGreaterThanOrEqual(5);
  });

  it('skips a trashed track at once, tells the server and never queues it again', async () => {
    const { session, server, active, currentId, queuedIds } = setup();
    await session.start();
    const told = session.trash();
    expect(currentId()).toBe('t2');
    expect(server.trashed).toEqual(['t1']);
    await expect(told).resolves.toBe(true);
    expect(queuedIds()).not.toContain('t1');

    // The (misbehaving) server offers t1 in every later batch: it never plays again.
    server.resend = 't1';
    const heard = [currentId()];
    for (let i = 0; i < 8; i++) {
      active().finish();
      await settle();
      heard.push(currentId());
    }
    expect(server.requests.length).toBeGreaterThan(2);
    expect(heard).not.toContain('t1');
    expect(queuedIds()).not.toContain('t1');
  });

  it('asks for more only once the server has the trashed track', async () => {
    const { session, server, currentId } = setup();
    await session.start();
    server.trashGate = deferred();
    const told = session.trash();
    // t2 plays with only t3 behind it; the batch waits for the bin.
    expect(currentId()).toBe('t2');
    await settle();
    expect(server.requests).toHaveLength(1);
    server.trashGate.resolve();
    await told;
    await settle();
    expect(server.requests).toHaveLength(2);
  });

  it('fetches first when the trashed track was the last one queued', async () => {
    const { session, server, active, currentId, queuedIds, engine } = setup({ batchSize: 2, refillAt: 0 });
    await session.start();
    server.nextGate = deferred();
    active().finish();
    await settle();
    // t2 is the last queued track and its batch is on its way.
    expect(currentId()).toBe('t2');
    const told = session.trash();
    await settle();
    expect(server.trashed).toEqual(['t2']);
    expect(currentId()).toBe('t2');
    server.nextGate.resolve();
    await told;
    expect(currentId()).toBe('t3');
    expect(queuedIds()).toEqual(['t1', 't3', 't4']);
    expect(engine.getSnapshot().paused).toBe(false);
  });

  it('stops feeding when the user plays something else', async () => {
    const { engine, session, server, active, queuedIds } = setup();
    await session.start();
    engine.playTracks([track('x', { type: 'album', id: 'al' }), track('y', { type: 'album', id: 'al' })]);
    expect(session.getSnapshot().active).toBe(false);
    active().finish();
    await settle();
    // y is the last of the album: nothing is appended to it.
    expect(server.requests).toHaveLength(1);
    expect(queuedIds()).toEqual(['x', 'y']);
    expect(await session.trash()).toBe(false);
    expect(server.trashed).toEqual([]);
  });

  it('switches mode: the queued tracks of the old mode go, the current one plays on', async () => {
    const { session, server, currentId, queuedIds } = setup();
    await session.start('familiar');
    expect(server.requests[0]).toEqual({ count: 3, mode: 'familiar' });
    session.setMode('discovery');
    await settle();
    expect(currentId()).toBe('t1');
    expect(server.requests[1]).toEqual({ count: 3, mode: 'discovery' });
    expect(queuedIds()).toEqual(['t1', 't4', 't5', 't6']);
    expect(session.getSnapshot().mode).toBe('discovery');
  });

  it('drops a batch that arrives after the user moved on', async () => {
    const { engine, session, server, active, queuedIds } = setup();
    await session.start();
    server.nextGate = deferred();
    active().finish(); // t2 plays, a batch is asked for
    await settle();
    expect(server.requests).toHaveLength(2);
    engine.playTracks([track('x', { type: 'album' })]);
    server.nextGate.resolve();
    await settle();
    expect(queuedIds()).toEqual(['x']);
  });
});
