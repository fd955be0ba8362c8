import path from 'node:path';
import { parseFile, TimestampFormat, type IAudioMetadata, type IPicture } from 'music-metadata';
import { formatLrc } from '../lrc-parser.ts';
import { cleanTagText, nameKey } from '../name-key.ts';
import { oggDurationSeconds } from './ogg-duration.ts';

/** What the scanner keeps of one audio file's tags and stream, in plain values. */
export interface ScannedTags {
  title: string;
  /** one or more, in tag order, duplicates removed */
  artists: string[];
  albumArtist: string;
  album: string | null;
  trackNo: number | null;
  trackTotal: number | null;
  discNo: number | null;
  year: number | null;
  genre: string | null;
  durationMs: number;
  /** kbit/s, as music servers and Subsonic clients show it */
  bitrate: number | null;
  sampleRate: number | null;
  channels: number | null;
  /** short codec name: mp3, flac, vorbis, opus, aac, alac, pcm… */
  codec: string | null;
  /** the container family the stream module serves: mp3, flac, ogg, opus, m4a, wav */
  format: string;
  mime: string;
  replaygainTrackGain: number | null;
  replaygainTrackPeak: number | null;
  replaygainAlbumGain: number | null;
  replaygainAlbumPeak: number | null;
  /** bytes of the embedded front cover (not yet checked to be an image) */
  picture: Uint8Array | null;
  /** embedded lyrics as LRC or plain text */
  lyrics: string | null;
}

/** A file that is not playable audio (random bytes, text, an empty or cut-off file). */
export class UnreadableAudioError extends Error {
  override readonly name = 'UnreadableAudioError';
}

export const UNKNOWN_ARTIST = 'Unknown Artist';
const MAX_TITLE = 500;
const MAX_NAME = 300;
const MAX_ARTISTS = 20;
const MAX_PICTURE_BYTES = 16 * 1024 * 1024;
const MAX_INT = 2_147_483_647;

// One tag value naming several artists: "A; B", "A / B", "A、B", "A feat. B". A bare "/" is
// left alone so AC/DC stays one band (taggers that know better write real multi-value tags).
const artistSeparators = /\s*;\s*|\s+\/\s+|\s*／\s*|\s*、\s*|\s+(?:feat\.?|ft\.|featuring)\s+/iu;

export function splitArtists(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    for (const part of value.split(artistSeparators)) {
      const name = cleanTagText(part, MAX_NAME);
      if (!name || seen.has(nameKey(name))) continue;
      seen.add(nameKey(name));
      out.push(name);
      if (out.length === MAX_ARTISTS) return out;
    }
  }
  return out;
}

function positiveInt(value: unknown, max = 99_999): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= max ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function yearOf(meta: IAudioMetadata): number | null {
  const direct = positiveInt(meta.common.year, 9999);
  if (direct) return direct;
  for (const date of [meta.common.date, meta.common.originaldate]) {
    const match = typeof date === 'string' ? /^\s*(\d{4})/.exec(date) : null;
    if (match) return positiveInt(Number(match[1]), 9999);
  }
  return null;
}

function codecOf(codec: string | undefined): string | null {
  const c = (codec ?? '').toLowerCase();
  if (!c) return null;
  if (c.includes('layer 3')) return 'mp3';
  if (c.includes('layer 2')) return 'mp2';
  if (c.startsWith('vorbis')) return 'vorbis';
  if (c.includes('aac')) return 'aac';
  if (c.includes('alac')) return 'alac';
  if (c.startsWith('pcm')) return 'pcm';
  return c.slice(0, 40);
}

/** Decides the served format from what the parser found inside the file, never from its name. */
function formatOf(meta: IAudioMetadata, codec: string | null): { format: string; mime: string } {
  const container = meta.format.container ?? '';
  if (container === 'MPEG' && (codec === 'mp3' || codec === 'mp2'))
    return { format: 'mp3', mime: 'audio/mpeg' };
  if (container === 'FLAC') return { format: 'flac', mime: 'audio/flac' };
  if (container === 'Ogg') return { format: codec === 'opus' ? 'opus' : 'ogg', mime: 'audio/ogg' };
  if (container === 'WAVE') return { format: 'wav', mime: 'audio/wav' };
  if (/m4a|m4b|mp4|mp42|isom|iso\d|3gp/i.test(container)) return { format: 'm4a', mime: 'audio/mp4' };
  throw new UnreadableAudioError(container ? `unsupported format (${container})` : 'not an audio file');
}

function frontCover(pictures: IPicture[] | undefined): Uint8Array | null {
  if (!pictures || pictures.length === 0) return null;
  const picture = pictures.find((p) => p.type?.toLowerCase().includes('front')) ?? pictures[0]!;
  return picture.data.length > 0 && picture.data.length <= MAX_PICTURE_BYTES ? picture.data : null;
}

const lyricTagIds = new Set([
  'LYRICS',
  'UNSYNCEDLYRICS',
  'UNSYNCED LYRICS',
  '©LYR',
  'USLT',
  'ULT',
  'TXXX:LYRICS',
  'TXXX:USLT',
  'TXXX:UNSYNCEDLYRICS',
]);

/**
 * The raw lyrics text: taken from the native tags because music-metadata's own LRC reading
 * keeps one timestamp per line and ignores [offset:]. SYLT frames (ID3 synced lyrics) come
 * pre-parsed and are written back as LRC so one parser handles everything.
 */
function lyricsOf(meta: IAudioMetadata): string | null {
  for (const tags of Object.values(meta.native)) {
    for (const tag of tags) {
      if (!lyricTagIds.has(tag.id.toUpperCase())) continue;
      const value =
        typeof tag.value === 'string' ? tag.value : (tag.value as { text?: unknown } | null)?.text;
      if (typeof value === 'string' && value.trim()) return value;
    }
  }
  const synced = meta.common.lyrics?.find(
    (l) => l.timeStampFormat === TimestampFormat.milliseconds && l.syncText.length > 0,
  );
  if (!synced) return null;
  return formatLrc(
    synced.syncText.flatMap((line) =>
      typeof line.timestamp === 'number' ? [{ timeMs: line.timestamp, text: line.text }] : [],
    ),
  );
}

/** Maps music-metadata's result to plain values with the fallbacks people expect. */
export function mapMetadata(meta: IAudioMetadata, filePath: string): ScannedTags {
  const { common, format } = meta;
  if (!format.container || !format.codec)
    throw new UnreadableAudioError('not an audio file (no audio stream found)');
  const codec = codecOf(format.codec);
  const served = formatOf(meta, codec);
  const duration = finite(format.duration);
  if (duration === null || duration <= 0) {
    throw new UnreadableAudioError('no playable audio (the length cannot be read; the file may be cut off)');
  }

  const artists = splitArtists(common.artists?.length ? common.artists : [common.artist]);
  if (artists.length === 0) artists.push(UNKNOWN_ARTIST);
  const albumArtist = splitArtists([common.albumartist])[0] ?? artists[0]!;
  const bitrate = finite(format.bitrate);

  return {
    title:
      cleanTagText(common.title, MAX_TITLE) ??
      cleanTagText(path.parse(filePath).name, MAX_TITLE) ??
      'Untitled',
    artists,
    albumArtist,
    album: cleanTagText(common.album, MAX_TITLE),
    trackNo: positiveInt(common.track.no),
    trackTotal: positiveInt(common.track.of),
    discNo: positiveInt(common.disk.no),
    year: yearOf(meta),
    genre: cleanTagText(common.genre?.[0], 100),
    durationMs: Math.min(MAX_INT, Math.round(duration * 1000)),
    bitrate: bitrate && bitrate > 0 ? Math.min(MAX_INT, Math.round(bitrate / 1000)) : null,
    sampleRate: positiveInt(format.sampleRate, 10_000_000),
    channels: positiveInt(format.numberOfChannels, 255),
    codec,
    format: served.format,
    mime: served.mime,
    replaygainTrackGain: finite(common.replaygain_track_gain?.dB) ?? finite(format.trackGain),
    replaygainTrackPeak: finite(common.replaygain_track_peak?.ratio) ?? finite(format.trackPeakLevel),
    replaygainAlbumGain: finite(common.replaygain_album_gain?.dB) ?? finite(format.albumGain),
    replaygainAlbumPeak: finite(common.replaygain_album_peak?.ratio),
    picture: frontCover(common.picture),
    lyrics: lyricsOf(meta),
  };
}

/**
 * Reads tags and stream facts, deciding per format how much of the file to read: most formats
 * state their length up front. Ogg does not, so its length comes from the last page (one read
 * of the file's tail); an MP3 without a Xing/Info header whose first frames differ in bitrate
 * (VBR) has no stated length either and is walked in full, as is anything else without one.
 */
export async function readTags(filePath: string, size: number): Promise<ScannedTags> {
  if (size === 0) throw new UnreadableAudioError('empty file');
  let meta = await parseFile(filePath, { duration: false, skipCovers: false });
  let format = meta.format;
  if (format.container && format.duration === undefined) {
    const fromTail =
      format.container === 'Ogg' ? await oggDurationSeconds(filePath, size).catch(() => null) : null;
    if (fromTail) {
      format = { ...format, duration: fromTail };
    } else {
      meta = await parseFile(filePath, { duration: true, skipCovers: false });
      format = meta.format;
    }
  }
  // Opus and some VBR files state no bitrate; the average over the file is what people expect.
  if (!format.bitrate && format.duration && format.duration > 0) {
    format = { ...format, bitrate: (size * 8) / format.duration };
  }
  return mapMetadata({ ...meta, format }, filePath);
}
