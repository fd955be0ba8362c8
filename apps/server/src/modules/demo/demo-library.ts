/**
 * Generates Resonance's demo library: a few albums of original, procedurally composed music
 * (nothing copyrighted, nothing downloaded), encoded to Opus, MP3 and FLAC, tagged, with cover art
 * and synced lyrics. The same seed always produces the same library.
 *
 * Pipeline per track: composer (decisions) -> arranger (notes) -> renderer (PCM) -> encoder
 * (ffmpeg) plus lyrics -> LRC sidecars. Synthesis runs on worker threads (synthesis-pool.ts) while
 * earlier tracks encode in ffmpeg processes, so `concurrency` 2 keeps two cores busy.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG, catalogEntries, trackArtists, type CatalogAlbum, type CatalogEntry } from './catalog.ts';
import { composeCatalog, shortenComposition, type Composition } from './composer.ts';
import { renderCoverJpeg } from './cover-art.ts';
import { encodeTrack } from './encoder.ts';
import { sanitizeFileName, trackBaseName } from './file-names.ts';
import { buildLrc } from './lrc-writer.ts';
import { translationLanguageTag, writeLyrics } from './lyrics.ts';
import { CHANNELS, SAMPLE_RATE } from './renderer.ts';
import { STYLES } from './styles.ts';
import { SynthesisPool } from './synthesis-pool.ts';
import { runPool } from './task-pool.ts';

export interface DemoLibraryOptions {
  ffmpegPath: string;
  seed?: number;
  /** scale durations down for fast tests, default 1 */
  durationScale?: number;
  /** only the first N tracks, for tests */
  limit?: number;
  onProgress?: (done: number, total: number, title: string) => void;
  concurrency?: number;
}

export interface DemoTrackInfo {
  path: string;
  title: string;
  artists: string[];
  album: string;
  albumArtist: string;
  trackNo: number;
  year: number;
  genre: string;
  durationSec: number;
  format: 'opus' | 'mp3' | 'flac';
  hasTranslation: boolean;
}

export const DEFAULT_DEMO_SEED = 20240917;

interface PlannedTrack {
  readonly entry: CatalogEntry;
  readonly composition: Composition;
}

/**
 * Composes the whole catalog (cheap, and it keeps every track identical whatever `limit` is), then
 * keeps the first `limit` tracks in generation order.
 */
function planLibrary(seed: number, durationScale: number, limit: number | undefined): PlannedTrack[] {
  const entries = catalogEntries(CATALOG);
  const compositions = composeCatalog(
    entries.map((entry) => ({
      styleId: entry.album.style,
      albumKey: entry.album.key,
      trackIndex: entry.index,
    })),
    seed,
  );
  const planned = entries.map((entry, i) => {
    const full = compositions[i]!;
    const composition = durationScale < 1 ? shortenComposition(full, full.durationSec * durationScale) : full;
    return { entry, composition };
  });
  return limit === undefined ? planned : planned.slice(0, Math.max(0, limit));
}

function albumDirectory(targetDir: string, album: CatalogAlbum): string {
  return path.join(targetDir, sanitizeFileName(album.artist), sanitizeFileName(album.title));
}

export async function generateDemoLibrary(
  targetDir: string,
  options: DemoLibraryOptions,
): Promise<DemoTrackInfo[]> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const durationScale = options.durationScale ?? 1;
  if (!(durationScale > 0 && durationScale <= 1)) throw new Error('durationScale must be in (0, 1]');
  const plan = planLibrary(seed, durationScale, options.limit);

  // Covers first: MP3 and FLAC files embed them while encoding.
  const coverPaths = new Map<CatalogAlbum, string>();
  for (const album of new Set(plan.map((track) => track.entry.album))) {
    const directory = albumDirectory(targetDir, album);
    await mkdir(directory, { recursive: true });
    const coverPath = path.join(directory, 'cover.jpg');
    const jpeg = await renderCoverJpeg({
      title: album.coverTitle,
      artist: album.coverArtist,
      style: album.style,
      seed,
    });
    await writeFile(coverPath, jpeg);
    coverPaths.set(album, coverPath);
  }

  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const synthesis = await SynthesisPool.start(Math.min(concurrency, plan.length));
  let done = 0;
  try {
    return await runPool(plan, concurrency, async ({ entry, composition }) => {
      const info = await generateTrack(targetDir, entry, composition, {
        ffmpegPath: options.ffmpegPath,
        coverPath: coverPaths.get(entry.album),
        synthesis,
      });
      options.onProgress?.(++done, plan.length, info.title);
      return info;
    });
  } finally {
    await synthesis.close();
  }
}

interface TrackContext {
  readonly ffmpegPath: string;
  readonly coverPath: string | undefined;
  readonly synthesis: SynthesisPool;
}

async function generateTrack(
  targetDir: string,
  entry: CatalogEntry,
  composition: Composition,
  { ffmpegPath, coverPath, synthesis }: TrackContext,
): Promise<DemoTrackInfo> {
  const { album, track } = entry;
  const trackNo = entry.index + 1;
  const artists = trackArtists(entry);
  const directory = albumDirectory(targetDir, album);
  const baseName = trackBaseName(trackNo, track.title);
  const outputPath = path.join(directory, `${baseName}.${album.format}`);

  const { pcm, durationSec, cues } = await synthesis.synthesize(composition);
  const lyrics = writeLyrics(cues, album.language, composition.seed);
  const header = { title: track.title, artist: artists.join(' / '), album: album.title, durationSec };
  const lrc = buildLrc(
    header,
    lyrics.map((line) => ({ time: line.time, text: line.text })),
  );

  await encodeTrack({
    ffmpegPath,
    pcm,
    sampleRate: SAMPLE_RATE,
    channels: CHANNELS,
    format: album.format,
    outputPath,
    ...(coverPath !== undefined && { coverPath }),
    tags: {
      title: track.title,
      artists,
      album: album.title,
      albumArtist: album.artist,
      trackNo,
      trackTotal: album.tracks.length,
      discNo: 1,
      discTotal: 1,
      year: album.year,
      genre: STYLES[album.style].genre,
      ...(track.embeddedLyrics && { lyrics: lrc }),
    },
  });

  const hasTranslation = !track.embeddedLyrics && track.translation === true;
  if (!track.embeddedLyrics) {
    await writeFile(path.join(directory, `${baseName}.lrc`), lrc);
  }
  if (hasTranslation) {
    const translated = buildLrc(
      header,
      lyrics.map((line) => ({ time: line.time, text: line.translation })),
    );
    await writeFile(
      path.join(directory, `${baseName}.${translationLanguageTag(album.language)}.lrc`),
      translated,
    );
  }

  return {
    path: outputPath,
    title: track.title,
    artists,
    album: album.title,
    albumArtist: album.artist,
    trackNo,
    year: album.year,
    genre: STYLES[album.style].genre,
    durationSec,
    format: album.format,
    hasTranslation,
  };
}
