import net from 'node:net';
import { defineConfig } from 'vitest/config';

/** Is the machine's own PostgreSQL (15 on CI) listening? Then medium tests run there too. */
async function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 500 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const systemPgUrl = process.env.RESONANCE_TEST_SYSTEM_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const systemPg = process.env.RESONANCE_TEST_SYSTEM_PG !== 'off' && (await reachable('127.0.0.1', 5432));

const medium = ['apps/server/test/medium/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          name: 'small',
          include: [
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'packages/**/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'medium',
          include: medium,
          globalSetup: ['apps/server/test/support/global-setup.embedded.ts'],
        },
      },
      ...(systemPg
        ? [
            {
              test: {
                name: 'medium-pg15',
                include: medium,
                env: { RESONANCE_TEST_ADMIN_URL: systemPgUrl },
                globalSetup: ['apps/server/test/support/global-setup.system.ts'],
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/api/**/*.e2e.ts'],
          globalSetup: ['apps/server/test/support/global-setup.embedded.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/web/**/*.e2e.ts'],
          globalSetup: [
            'apps/server/test/support/global-setup.embedded.ts',
            'e2e/support/global-setup.web.ts',
          ],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
