// Builds the web app before `npm start` when its build is missing or older than its sources,
// so a fresh clone needs only `npm install && npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve('apps/web');
const built = path.join(web, 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(path.join(web, 'src'))) process.exit(0);
const stale =
  !existsSync(built) ||
  Math.max(newestMtime(path.join(web, 'src')), statSync(path.join(web, 'index.html')).mtimeMs) >
    statSync(built).mtimeMs;
if (stale) {
  console.log('building the web app…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@resonance/web'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
