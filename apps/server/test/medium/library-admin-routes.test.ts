import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { AccountService } from '../../src/modules/accounts/account.service.ts';
import { accountRoutes } from '../../src/modules/accounts/account.routes.ts';
import { AvatarStore } from '../../src/modules/accounts/avatar-store.ts';
import { LoginThrottle, MemoryThrottleStore } from '../../src/modules/accounts/login-throttle.ts';
import { SessionRepository } from '../../src/modules/accounts/session.repository.ts';
import { SessionService } from '../../src/modules/accounts/session.service.ts';
import { UserRepository } from '../../src/modules/accounts/user.repository.ts';
import { createLibraryModule, type LibraryModule } from '../../src/modules/library/library.module.ts';
import { ScanLock } from '../../src/modules/library/scan/scan-lock.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { dataPaths } from '../../src/platform/data-paths.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { anAudioFile } from '../factories/library.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let tmp: string;
let app: FastifyInstance;
let library: LibraryModule;
let admin: Record<string, string>;
let listener: Record<string, string>;

async function register(username: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { username, password: 'correct horse battery', nickname: username, bearer: true },
  });
  expect(response.statusCode).toBe(201);
  return { authorization: `Bearer ${response.json<{ token: string }>().token}` };
}

async function waitForScan(): Promise<{ status: string; added: number }> {
  for (let i = 0; i < 200; i++) {
    const run = (await app.inject({ url: '/api/v1/admin/library/scan', headers: admin })).json<{
      data: { status: string; added: number };
    }>().data;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the scan did not finish');
}

beforeAll(async () => {
  database = await createTestDatabase();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'library-admin-'));
  const music = path.join(tmp, 'music');
  await anAudioFile().titled('Admin Song').by('Ada').lasting(1).as('mp3').writeTo(path.join(music, 'a.mp3'));

  const db = database.db;
  const paths = dataPaths(path.join(tmp, 'data'));
  const sessions = new SessionService(new SessionRepository(db), systemClock);
  const accounts = new AccountService(
    new UserRepository(db),
    sessions,
    new LoginThrottle(new MemoryThrottleStore()),
    new AvatarStore(paths.avatars),
  );
  library = createLibraryModule({
    db,
    clock: systemClock,
    logger: createLogger('silent'),
    paths,
    musicDirs: [music],
  });
  await library.scans.registerConfiguredFolders();
  app = await buildApp({
    logger: false,
    sessions,
    routes: [
      accountRoutes({ accounts, avatars: new AvatarStore(paths.avatars), secureCookies: false }),
      ...library.routes,
    ],
  });
  admin = await register('root'); // the first account is the admin
  listener = await register('listener');
});

afterAll(async () => {
  await app?.close();
  await library?.stop();
  await database?.drop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('admin library routes', () => {
  const routes = [
    { method: 'POST' as const, url: '/api/v1/admin/library/scan' },
    { method: 'GET' as const, url: '/api/v1/admin/library/scan' },
    { method: 'GET' as const, url: '/api/v1/admin/library/folders' },
  ];

  it.each(routes)('$method $url: 401 anonymous, 403 for a listener', async ({ method, url }) => {
    const anonymous = await app.inject({ method, url });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const forbidden = await app.inject({ method, url, headers: listener });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('has no scan to show before the first one', async () => {
    const response = await app.inject({ url: '/api/v1/admin/library/scan', headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: null });
  });

  it('starts a scan in the background and shows its result', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/library/scan', headers: admin });
    expect(response.statusCode).toBe(202);
    const run = response.json<{ data: { id: string; status: string; trigger: string } }>().data;
    expect(run).toMatchObject({ status: 'running', trigger: 'api' });
    const finished = await waitForScan();
    expect(finished).toMatchObject({ status: 'completed', added: 1 });
  });

  it('answers 409 scan_in_progress while another scan holds the lock', async () => {
    // The finished scan writes its result just before letting go of the lock: wait for that.
    const lock = new ScanLock(database.db);
    let held = await lock.tryAcquire();
    for (let i = 0; !held && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      held = await lock.tryAcquire();
    }
    expect(held).not.toBeNull();
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/library/scan',
        headers: admin,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: { code: 'scan_in_progress' } });
    } finally {
      await held?.release();
    }
  });

  it('lists the folders with their track counts, a page at a time', async () => {
    const response = await app.inject({ url: '/api/v1/admin/library/folders?limit=1', headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      data: [
        {
          id: expect.any(String),
          path: path.join(tmp, 'music'),
          trackCount: 1,
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
    const tooMany = await app.inject({ url: '/api/v1/admin/library/folders?limit=100000', headers: admin });
    expect(tooMany.statusCode).toBe(400);
  });
});
