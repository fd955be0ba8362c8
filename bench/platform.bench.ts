/**
 * Platform figures: import speed, idle memory, API throughput vs a hello-world route, and file
 * streaming vs nginx. Everything runs on loopback against a real server process with its own
 * embedded PostgreSQL in a temporary data folder; inputs come from a fixed seed.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createAppContext } from '../apps/server/src/app-context.ts';
import { configSchema } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/connect.ts';
import { freePort } from '../apps/server/src/db/embedded-postgres.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { ffmpegPath } from '../apps/server/src/platform/ffmpeg.ts';
import { createLogger } from '../apps/server/src/platform/logger.ts';
import { downloadThroughput } from './support/download.ts';
import { id3Tag } from './support/id3-fixture.ts';
import { nginxBinary, startNginx } from './support/nginx.ts';
import { postgresRssMb, pssMb, startProcess, stopProcess, waitForHttp } from './support/processes.ts';
import { printTable } from './support/table.ts';
import { mulberry32 } from '../apps/server/src/modules/demo/prng.ts';

const FILES = Number(process.env.BENCH_IMPORT_FILES ?? 2000);
const STREAM_MB = 50;

async function makeImportLibrary(dir: string): Promise<void> {
  const body = path.join(dir, 'body.mp3');
  execFileSync(ffmpegPath(), [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=2',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    '-write_xing',
    '0',
    '-id3v2_version',
    '0',
    body,
  ]);
  const audio = await readFile(body);
  await rm(body);
  const random = mulberry32(42);
  const genres = ['Pop', 'Rock', 'Folk', 'Jazz', 'Electronic', 'Classical'];
  for (let i = 0; i < FILES; i++) {
    const artist = `Artist ${Math.floor(random() * 200)}`;
    const album = `Album ${Math.floor(i / 10)}`;
    const folder = path.join(dir, artist, album);
    await mkdir(folder, { recursive: true });
    const tag = id3Tag({
      title: `Song ${i} ${Math.floor(random() * 1e6)}`,
      artist,
      album,
      track: (i % 10) + 1,
      year: 1990 + (i % 30),
      genre: genres[i % genres.length]!,
    });
    await writeFile(path.join(folder, `${String(i).padStart(4, '0')}.mp3`), Buffer.concat([tag, audio]));
  }
}

/** A 50 MB WAV (noise), so the stream benchmark moves real bytes of a real audio file. */
async function makeBigWav(file: string): Promise<void> {
  const dataBytes = STREAM_MB * 1024 * 1024;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(44100, 24);
  header.writeUInt32LE(44100 * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  const random = mulberry32(7);
  const data = Buffer.alloc(dataBytes);
  for (let i = 0; i < dataBytes; i += 4)
    data.writeUInt32LE(Math.floor(random() * 0xffffffff) & 0x0fff0fff, i);
  await writeFile(file, Buffer.concat([header, data]));
}

async function cannon(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: 10, duration: 8, headers });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function run(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'resonance-bench-'));
  // PostgreSQL runs as its own user when we are root, and must be able to reach the data folder.
  await chmod(work, 0o755);
  const dataDir = path.join(work, 'data');
  const music = path.join(work, 'music');
  const streamDir = path.join(work, 'stream');
  await mkdir(music, { recursive: true });
  await mkdir(streamDir, { recursive: true });
  console.log(`preparing ${FILES} files and a ${STREAM_MB} MB file…`);
  await makeImportLibrary(music);
  await makeBigWav(path.join(streamDir, 'big.wav'));

  const port = await freePort();
  const env = {
    RESONANCE_DATA_DIR: dataDir,
    RESONANCE_PORT: String(port),
    RESONANCE_HOST: '127.0.0.1',
    RESONANCE_DEMO: 'false',
    RESONANCE_LOG_LEVEL: 'warn',
  };
  const server = startProcess(process.execPath, ['apps/server/bin/resonance.js', 'start'], env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${base}/health`);
    await new Promise((r) => setTimeout(r, 5000));
    const memory = [
      { process: 'server (Node)', mb: pssMb(server.pid!) },
      { process: 'embedded PostgreSQL', mb: postgresRssMb(path.join(dataDir, 'pg')).mb },
    ];

    // Import through the same code as `resonance import`, joining the server's PostgreSQL.
    const config = { ...configSchema.parse({ demo: false }), dataDir };
    const logger = createLogger('warn');
    const database = await openDatabase(config, logger);
    const context = createAppContext(config, database.db, logger, systemClock);
    const t0 = performance.now();
    const summary = await context.library.scans.importFolder(music);
    const importSeconds = (performance.now() - t0) / 1000;
    const stream = await context.library.scans.importFolder(streamDir);
    const big = await database.db
      .selectFrom('tracks')
      .select('id')
      .where('path', 'like', '%big.wav')
      .executeTakeFirst();
    await context.close();
    await database.close();

    const login = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'bench',
        password: 'bench-password',
        nickname: 'Bench',
        bearer: true,
      }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    const hello = startProcess(process.execPath, ['--import', 'tsx', 'bench/support/hello-server.ts'], {
      PORT: String(port + 1),
    });
    await waitForHttp(`http://127.0.0.1:${port + 1}/hello`);
    const helloResult = await cannon(`http://127.0.0.1:${port + 1}/hello`, {});
    await stopProcess(hello);
    const tracksResult = await cannon(`${base}/api/v1/tracks?limit=50`, auth);

    const streamRows: Record<string, string | number>[] = [];
    const nginx = nginxBinary();
    if (big && stream.added === 1) {
      const ours = await downloadThroughput(`${base}/api/v1/tracks/${big.id}/stream`, auth, 40, 4);
      let reference = '';
      let ratio: string | number = 'n/a (nginx not installed)';
      if (nginx) {
        const nginxPort = await freePort();
        const nginxProcess = await startNginx(nginx, streamDir, path.join(work, 'nginx'), nginxPort);
        await waitForHttp(`http://127.0.0.1:${nginxPort}/big.wav`);
        const theirs = await downloadThroughput(`http://127.0.0.1:${nginxPort}/big.wav`, {}, 40, 4);
        await stopProcess(nginxProcess);
        reference = theirs.mbPerSecond.toFixed(0);
        ratio = ours.mbPerSecond / theirs.mbPerSecond;
      }
      streamRows.push({
        file: `${STREAM_MB} MB wav, 40 downloads, 4 parallel`,
        'resonance MB/s': ours.mbPerSecond,
        'nginx MB/s': reference,
        'ratio (goal >= 0.8)': ratio,
      });
    }

    printTable('Import (tags only, no transcoding)', [
      {
        files: summary.total,
        added: summary.added,
        failed: summary.failed,
        seconds: importSeconds,
        'files/s (goal >= 300)': summary.total / importSeconds,
      },
    ]);
    printTable('API throughput (autocannon, 10 connections, 8 s)', [
      {
        route: 'hello-world Fastify',
        'req/s': helloResult.rps,
        'p99 ms': helloResult.p99,
        errors: helloResult.errors,
      },
      {
        route: 'GET /api/v1/tracks?limit=50',
        'req/s': tracksResult.rps,
        'p99 ms': tracksResult.p99,
        errors: tracksResult.errors,
      },
      {
        route: 'ratio tracks / hello',
        'req/s': tracksResult.rps / helloResult.rps,
        'p99 ms': '',
        errors: '',
      },
    ]);
    printTable('Streaming over loopback', streamRows);
    printTable(
      'Memory idle after start (PSS)',
      memory.map((m) => ({ process: m.process, MB: m.mb })),
    );
  } finally {
    await stopProcess(server);
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
