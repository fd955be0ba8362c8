import path from 'node:path';

/** Where Resonance keeps its own files inside the data directory. */
export interface DataPaths {
  root: string;
  /** original cover images, named by the SHA-256 of their bytes */
  covers: string;
  avatars: string;
  /** resized covers and transcoded audio: derived, safe to delete */
  cache: string;
  transcodes: string;
  coverSizes: string;
  /** the generated demo library */
  demoMusic: string;
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    covers: path.join(root, 'covers'),
    avatars: path.join(root, 'avatars'),
    cache: path.join(root, 'cache'),
    transcodes: path.join(root, 'cache', 'transcodes'),
    coverSizes: path.join(root, 'cache', 'covers'),
    demoMusic: path.join(root, 'demo-music'),
  };
}
