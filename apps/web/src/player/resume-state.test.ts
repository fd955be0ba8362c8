import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_SAVED_ENTRIES,
  parseResumeState,
  persistResumeState,
  serializeResumeState,
  type ResumeState,
} from './resume-state.ts';
import type { QueueEntry } from './types.ts';

function entry(uid: string): QueueEntry {
  return {
    uid,
    track: {
      id: `t-${uid}`,
      title: `Title ${uid}`,
      artists: [{ id: 'a', name: '周杰伦' }],
      album: { id: 'al', title: '叶惠美' },
      durationMs: 200_000,
      coverUrl: '/api/v1/albums/al/cover',
      streamUrl: `/api/v1/tracks/t-${uid}/stream`,
    },
  };
}

function state(overrides: Partial<ResumeState> = {}): ResumeState {
  return {
    version: 1,
    entries: [entry('1'), entry('2'), entry('3')],
    current: 1,
    position: 61.5,
    mode: 'shuffle',
    volume: 0.7,
    muted: false,
    shuffle: { order: ['2', '3', '1'], pos: 0 },
    ...overrides,
  };
}

describe('resume state', () => {
  it('survives a round trip', () => {
    expect(parseResumeState(serializeResumeState(state()))).toEqual(state());
  });

  it('gives null for nothing, garbage and other versions', () => {
    expect(parseResumeState(null)).toBeNull();
    expect(parseResumeState('{not json')).toBeNull();
    expect(parseResumeState('[]')).toBeNull();
    expect(parseResumeState(JSON.stringify({ ...state(), version: 2 }))).toBeNull();
  });

  it('drops malformed entries and keeps the current one', () => {
    const raw = JSON.parse(serializeResumeState(state()));
    raw.entries.splice(0, 0, { uid: 'x', track: { id: 1 } });
    raw.current = 2;
    const parsed = parseResumeState(JSON.stringify(raw));
    expect(parsed?.entries.map((e) => e.uid)).toEqual(['1', '2', '3']);
    expect(parsed?.current).toBe(1);
  });

  it('never plays a stream from outside the API', () => {
    const raw = JSON.parse(serializeResumeState(state()));
    raw.entries[0].track.streamUrl = 'https://evil.example/x.mp3';
    expect(parseResumeState(JSON.stringify(raw))?.entries.map((e) => e.uid)).toEqual(['2', '3']);
  });

  it('repairs out-of-range numbers and unknown modes', () => {
    const raw = { ...state(), volume: 9, position: -5, mode: 'party', shuffle: { order: ['9'], pos: 0 } };
    const parsed = parseResumeState(JSON.stringify(raw));
    expect(parsed).toMatchObject({ volume: 1, position: 0, mode: 'sequential', shuffle: null });
  });

  it('keeps a window around the current entry of a very long queue', () => {
    const entries = Array.from({ length: MAX_SAVED_ENTRIES + 500 }, (_, i) => entry(String(i)));
    const parsed = parseResumeState(
      serializeResumeState(state({ entries, current: MAX_SAVED_ENTRIES + 400, shuffle: null })),
    );
    expect(parsed?.entries).toHaveLength(MAX_SAVED_ENTRIES);
    expect(parsed?.entries[parsed.current]?.uid).toBe(String(MAX_SAVED_ENTRIES + 400));
  });
});

describe('persistResumeState', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes at most once per interval and flushes on demand', () => {
    vi.useFakeTimers();
    const listeners = new Set<() => void>();
    let position = 0;
    const source = {
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      exportState: () => state({ position }),
    };
    const writes: string[] = [];
    const storage = {
      getItem: () => null,
      setItem: (_key: string, value: string) => void writes.push(value),
    };
    const persister = persistResumeState(source, storage, 'k', 2000);
    const change = (to: number) => {
      position = to;
      for (const listener of listeners) listener();
    };
    change(1);
    change(2);
    change(3);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(writes).toHaveLength(2);
    expect(parseResumeState(writes[1] ?? null)?.position).toBe(3);
    change(4);
    persister.flush();
    expect(parseResumeState(writes.at(-1) ?? null)?.position).toBe(4);
    persister.dispose();
    change(5);
    vi.advanceTimersByTime(5000);
    expect(parseResumeState(writes.at(-1) ?? null)?.position).toBe(4);
  });
});
