import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../apps/server/src/db/embedded-postgres.ts';
import { createResonanceClient, type ResonanceClient } from '../../packages/sdk/src/index.ts';

/**
 * The README's promise, as a user meets it: `resonance start` on an empty data folder brings up
 * an embedded PostgreSQL, generates the demo library and users, serves them, and stops cleanly.
 */
let dataDir: string;
let child: ChildProcess;
let base: string;
let exitCode: Promise<number | null>;
let log = '';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}\n${log.slice(-3000)}`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'resonance-first-start-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['apps/server/bin/resonance.js', 'start'], {
    env: {
      ...process.env,
      RESONANCE_DATA_DIR: dataDir,
      RESONANCE_PORT: String(port),
      RESONANCE_HOST: '127.0.0.1',
      RESONANCE_LOG_LEVEL: 'info',
      DATABASE_URL: '',
      RESONANCE_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  exitCode = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await waitFor('health', async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 60_000);
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('first start', () => {
  let api: ResonanceClient;

  it('runs on an embedded PostgreSQL inside the data folder', async () => {
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'up' });
  });

  it('creates the demo users and the demo library', async () => {
    await waitFor(
      'demo library',
      async () => (/demo library (ready|failed)/.test(log) ? true : undefined),
      300_000,
    );
    expect(log).toContain('demo library ready');
    const token = await waitFor(
      'demo user',
      async () => {
        const r = await createResonanceClient({ baseUrl: base }).POST('/api/v1/auth/login', {
          body: { username: 'demo', password: 'resonance', bearer: true },
        });
        return r.data?.token;
      },
      10_000,
    );
    api = createResonanceClient({ baseUrl: base, token });
    const tracks = await waitFor(
      'demo library import',
      async () => {
        const r = await api.GET('/api/v1/tracks', { params: { query: { limit: 200 } } });
        return r.data && r.data.data.length >= 24 ? r.data.data : undefined;
      },
      60_000,
    );
    expect(new Set(tracks.map((t) => t.title)).size).toBeGreaterThanOrEqual(24);
    expect(new Set(tracks.flatMap((t) => t.artists.map((a) => a.name))).size).toBeGreaterThanOrEqual(6);
    expect(new Set(tracks.map((t) => t.album?.id)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(tracks.map((t) => t.format))).toEqual(new Set(['opus', 'mp3', 'flac']));
    for (const track of tracks) {
      expect(track.durationMs).toBeGreaterThanOrEqual(60_000);
      expect(track.durationMs).toBeLessThanOrEqual(180_000);
      expect(track.coverUrl).toBeTruthy();
    }
    const chinese = tracks.filter((t) => /[\u4e00-\u9fff]/.test(t.title));
    const latin = tracks.filter((t) => /^[\x20-\x7e]+$/.test(t.title));
    expect(chinese.length).toBeGreaterThan(0);
    expect(latin.length).toBeGreaterThan(0);

    let translated = 0;
    for (const track of tracks.filter((t) => t.hasLyrics)) {
      const lyrics = await api.GET('/api/v1/tracks/{id}/lyrics', { params: { path: { id: track.id } } });
      expect(lyrics.data?.data.synced).toBe(true);
      if (lyrics.data?.data.translation) translated += 1;
    }
    expect(translated).toBeGreaterThan(0);

    const first = tracks[0]!;
    const audio = await fetch(`${base}${first.streamUrl}`, {
      headers: { authorization: `Bearer ${token}`, range: 'bytes=0-99' },
    });
    expect(audio.status).toBe(206);
    expect((await audio.arrayBuffer()).byteLength).toBe(100);
  }, 400_000);

  it('stops PostgreSQL cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(log).toContain('stopped cleanly');
  }, 60_000);
});
