/**
 * `npm run bench`: every benchmark in turn, each printing its own table. Fixed seeds; the
 * baselines (hello-world Fastify, nginx) are measured in the same run on the same machine.
 * `npm run bench -- platform` runs one by name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all = ['platform', 'search', 'playlists', 'listening', 'charts', 'comments', 'recommend'];
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));

for (const name of chosen.length > 0 ? chosen : all) {
  const file = path.join(here, `${name}.bench.ts`);
  if (!existsSync(file)) {
    console.log(`(no benchmark named ${name})`);
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const module = (await import(file)) as { run: () => Promise<void> };
  await module.run();
}
process.exit(0);
