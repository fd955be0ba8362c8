import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranscodeCache } from './transcode-cache.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'transcode-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const writes = (bytes: number) => (temp: string) => writeFile(temp, Buffer.alloc(bytes));
const listing = async () => (await readdir(dir)).sort();

describe('TranscodeCache', () => {
  it('produces a file once and then hits', async () => {
    const cache = new TranscodeCache({ dir, maxBytes: 1000 });
    let runs = 0;
    const produce = async (temp: string) => {
      runs += 1;
      await writeFile(temp, 'abc');
    };
    const [a, b] = await Promise.all([cache.obtain('x.opus', produce), cache.obtain('x.opus', produce)]);
    expect(a).toBe(path.join(dir, 'x.opus'));
    expect(b).toBe(a);
    await cache.obtain('x.opus', produce);
    expect(runs).toBe(1);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 3, produced: 1, hits: 1 });
  });

  it('leaves nothing behind when producing fails, and tries again next time', async () => {
    const cache = new TranscodeCache({ dir, maxBytes: 1000 });
    const failing = async (temp: string) => {
      await writeFile(temp, 'half');
      throw new Error('boom');
    };
    await expect(cache.obtain('y.mp3', failing)).rejects.toThrow('boom');
    expect(await listing()).toEqual([]);
    await cache.obtain('y.mp3', writes(5));
    expect(await listing()).toEqual(['y.mp3']);
  });

  it('evicts least recently used entries down to 90% of the bound, never the newest', async () => {
    const cache = new TranscodeCache({ dir, maxBytes: 100 });
    await cache.obtain('a', writes(30));
    await cache.obtain('b', writes(30));
    await cache.obtain('c', writes(30));
    await cache.obtain('a', writes(30)); // a is used again: b is now the oldest
    await cache.obtain('d', writes(30)); // 120 > 100: drop b (90 <= 90)
    expect(await listing()).toEqual(['a', 'c', 'd']);
    await cache.obtain('huge', writes(500)); // bigger than the bound: everything else goes
    expect(await listing()).toEqual(['huge']);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 500, evicted: 4 });
  });

  it('rebuilds its order from the files on disk, oldest access first, and clears stale temp files', async () => {
    const now = Date.now() / 1000;
    for (const [name, age] of [
      ['old', 300],
      ['mid', 200],
      ['new', 100],
    ] as const) {
      await writeFile(path.join(dir, name), Buffer.alloc(40));
      await utimes(path.join(dir, name), now - age, now - age);
    }
    await writeFile(path.join(dir, 'crashed.1234.tmp'), 'x');
    await utimes(path.join(dir, 'crashed.1234.tmp'), now - 7200, now - 7200);
    await writeFile(path.join(dir, 'running.5678.tmp'), 'x');

    const cache = new TranscodeCache({ dir, maxBytes: 130 });
    await cache.obtain('mid', writes(999)); // a hit: must not run
    await cache.obtain('fresh', writes(40)); // 160 > 130: drop old, then new (mid was just used)
    expect(await listing()).toEqual(['fresh', 'mid', 'running.5678.tmp']);
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 80, produced: 1 });
  });

  it('refuses names that could leave its directory', async () => {
    const cache = new TranscodeCache({ dir, maxBytes: 100 });
    for (const name of ['../x', 'a/b', '.hidden', '', 'x.tmp']) {
      await expect(cache.obtain(name, writes(1))).rejects.toThrow('unsafe cache name');
    }
  });
});
