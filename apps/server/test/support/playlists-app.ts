import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.ts';
import { buildApp } from '../../src/http/app.ts';
import { createMediaModule } from '../../src/modules/media/media.module.ts';
import { createPlaylistsModule, type PlaylistsModule } from '../../src/modules/playlists/playlists.module.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { dataPaths, type DataPaths } from '../../src/platform/data-paths.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { signedIn, type BuiltUser } from '../factories/playlists.ts';

export interface PlaylistsTestApp {
  app: FastifyInstance;
  playlists: PlaylistsModule;
  clock: ReturnType<typeof fixedClock>;
  paths: DataPaths;
  /** a request signed in as `user` (or anonymous when null); JSON bodies */
  call(
    user: BuiltUser | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  headers(user: BuiltUser): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The playlists module (and the media module, which serves its covers) behind the real HTTP
 * stack, on a fixed clock and a throw-away data folder, with these users signed in.
 */
export async function playlistsTestApp(db: Db, users: BuiltUser[]): Promise<PlaylistsTestApp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'playlists-test-'));
  const paths = dataPaths(dir);
  const clock = fixedClock(new Date('2026-11-23T08:00:00.000Z'));
  // TEST_LOG=warn shows what the module logs (a failed automatic cover, say).
  const logger = createLogger(process.env.TEST_LOG ?? 'silent');
  const playlists = createPlaylistsModule({ db, clock, logger, paths });
  const media = createMediaModule({ db, logger, paths, transcodeCacheBytes: 1024 * 1024 });
  const { sessions, headers } = signedIn(...users);
  const app = await buildApp({ logger: false, sessions, routes: [...playlists.routes, ...media.routes] });
  return {
    app,
    playlists,
    clock,
    paths,
    headers,
    call: (user, method, url, body) =>
      app.inject({
        method,
        url,
        headers: user ? headers(user) : {},
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    close: async () => {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file field. */
export function multipartFile(
  field: string,
  filename: string,
  contentType: string,
  bytes: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----resonance${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
