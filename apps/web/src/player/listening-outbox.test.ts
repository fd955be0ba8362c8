import { describe, expect, it } from 'vitest';
import { ListeningOutbox, type SendOutcome } from './listening-outbox.ts';
import type { KeyValueStorage } from './resume-state.ts';
import type { ListeningEvent } from './listening-tracker.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const event = (n: number): ListeningEvent => ({
  id: `e${n}`,
  playbackId: `p${n}`,
  type: 'start',
  trackId: 't',
  at: '2026-11-22T12:00:00.000Z',
  positionMs: 0,
  playedMs: 0,
  repeat: false,
  source: { type: 'other' },
});

function setup(outcomes: SendOutcome[] = []) {
  const storage = memoryStorage();
  let now = 0;
  const sent: string[][] = [];
  const make = () =>
    new ListeningOutbox({
      storage,
      key: 'outbox',
      now: () => now,
      batchSize: 3,
      maxStored: 10,
      send: async (events) => {
        sent.push(events.map((e) => e.id));
        return outcomes.shift() ?? 'sent';
      },
    });
  return { storage, sent, make, tick: (ms: number) => (now += ms) };
}

describe('ListeningOutbox', () => {
  it('sends in batches and forgets what was delivered', async () => {
    const { make, sent, storage } = setup();
    const outbox = make();
    for (let i = 1; i <= 7; i++) outbox.push(event(i));
    await outbox.flush();
    expect(sent).toEqual([['e1', 'e2', 'e3'], ['e4', 'e5', 'e6'], ['e7']]);
    expect(outbox.pending).toBe(0);
    expect(JSON.parse(storage.data.get('outbox') ?? '')).toEqual([]);
  });

  it('keeps events across a reload while the server cannot be reached, then sends them', async () => {
    const { make, sent, tick } = setup(['retry']);
    const first = make();
    first.push(event(1));
    first.push(event(2));
    await first.flush();
    expect(first.pending).toBe(2);
    await first.flush(); // backing off: nothing is sent
    expect(sent).toHaveLength(1);
    const afterReload = make();
    expect(afterReload.pending).toBe(2);
    tick(60_000);
    await afterReload.flush();
    expect(sent.at(-1)).toEqual(['e1', 'e2']);
    expect(afterReload.pending).toBe(0);
  });

  it('drops a batch the server will never accept, so it does not block the rest', async () => {
    const { make, sent } = setup(['drop']);
    const outbox = make();
    for (let i = 1; i <= 4; i++) outbox.push(event(i));
    await outbox.flush();
    expect(sent).toEqual([['e1', 'e2', 'e3'], ['e4']]);
    expect(outbox.pending).toBe(0);
  });

  it('lets the oldest go beyond its capacity and ignores garbage in storage', () => {
    const { make, storage } = setup();
    storage.setItem('outbox', JSON.stringify([{ nope: 1 }, event(0)]));
    const outbox = make();
    expect(outbox.pending).toBe(1);
    for (let i = 1; i <= 12; i++) outbox.push(event(i));
    expect(outbox.pending).toBe(10);
    storage.setItem('outbox', '{not json');
    expect(make().pending).toBe(0);
  });

  it('sends one batch at a time even when flushed twice at once', async () => {
    const { make, sent } = setup();
    const outbox = make();
    outbox.push(event(1));
    await Promise.all([outbox.flush(), outbox.flush()]);
    expect(sent).toEqual([['e1']]);
  });
});
