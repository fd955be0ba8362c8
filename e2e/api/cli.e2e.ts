import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../apps/server/src/platform/ffmpeg.ts';
import { createTestDatabase, type TestDatabase } from '../../apps/server/test/support/test-database.ts';

const run = promisify(execFile);

/** The `resonance` command as an admin types it, against a real database. */
let database: TestDatabase;
let work: string;
let env: NodeJS.ProcessEnv;

const resonance = (...args: string[]) =>
  run(process.execPath, ['apps/server/bin/resonance.js', ...args], { env, timeout: 60_000 });

beforeAll(async () => {
  database = await createTestDatabase();
  work = await mkdtemp(path.join(os.tmpdir(), 'resonance-cli-'));
  env = { ...process.env, DATABASE_URL: database.url, RESONANCE_DATA_DIR: path.join(work, 'data') };
  for (const [i, format] of ['mp3', 'flac', 'opus'].entries()) {
    await run(ffmpegPath(), [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${300 + i * 100}:duration=2`,
      '-metadata',
      `title=CLI Song ${i}`,
      '-metadata',
      'artist=CLI Artist',
      '-metadata',
      'album=CLI Album',
      path.join(work, `song${i}.${format}`),
    ]);
  }
});

afterAll(async () => {
  await database?.drop();
  await rm(work, { recursive: true, force: true });
});

describe('resonance CLI', () => {
  it('creates an admin with `user create --admin`', async () => {
    const { stdout } = await resonance(
      'user',
      'create',
      '-u',
      'root-admin',
      '-p',
      'a long password',
      '--admin',
    );
    expect(stdout).toContain('created admin "root-admin"');
    const row = await database.db
      .selectFrom('users')
      .select(['role', 'passwordHash'])
      .where('username', '=', 'root-admin')
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('admin');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a role that does not exist', async () => {
    await expect(
      resonance('user', 'create', '-u', 'x-user', '-p', 'a long password', '--role', 'king'),
    ).rejects.toThrow();
  });

  it('imports a folder, prints a summary, and a second run finds nothing changed', async () => {
    const first = await resonance('import', work);
    expect(first.stdout).toMatch(
      /added 3, updated 0, removed 0, unchanged 0, failed 0 \(3 files, [\d.]+ files\/s\)/,
    );
    const tracks = await database.db.selectFrom('tracks').select('title').orderBy('title').execute();
    expect(tracks.map((t) => t.title)).toEqual(['CLI Song 0', 'CLI Song 1', 'CLI Song 2']);
    const second = await resonance('import', work);
    expect(second.stdout).toContain('added 0, updated 0, removed 0, unchanged 3, failed 0');
  });

  it('reports an invalid configuration, naming the key', async () => {
    const failed = await run(process.execPath, ['apps/server/bin/resonance.js', 'migrate'], {
      env: { ...env, RESONANCE_PORT: 'seventy' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain('RESONANCE_PORT');
  });
});
