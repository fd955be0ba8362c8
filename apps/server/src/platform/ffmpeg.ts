import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

let cachedPath: string | undefined;

/**
 * The ffmpeg binary to run: the system's when it is on PATH (distributions keep it patched),
 * otherwise the static build shipped inside the @ffmpeg-installer npm package, so a fresh
 * machine with only Node still works.
 */
export function ffmpegPath(): string {
  if (cachedPath) return cachedPath;
  const fromEnv = process.env.RESONANCE_FFMPEG;
  if (fromEnv) return (cachedPath = fromEnv);
  const probe = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  if (probe.status === 0) return (cachedPath = 'ffmpeg');
  const require = createRequire(import.meta.url);
  const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
  return (cachedPath = installer.path);
}
