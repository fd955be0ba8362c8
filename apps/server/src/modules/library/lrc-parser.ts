import type { LyricLine } from '../../db/schema.ts';

/**
 * LRC lyrics as found in the wild: sidecar files from players and lyric sites, and the LYRICS
 * tag of FLAC/Ogg/MP4 files. The parser is lenient (several timestamps per line, `[mm:ss]`,
 * `[mm:ss.xx]`, `[mm:ss.xxx]`, `[mm:ss:xx]`, BOM, CRLF, enhanced-LRC word stamps) and never
 * throws: a file it cannot make sense of yields no lines rather than a failed scan.
 */
export interface ParsedLyrics {
  /** true when at least one line carried a timestamp; untimed lines are then dropped */
  synced: boolean;
  /** sorted by time (file order among equal times); `timeMs` is null for unsynced lyrics */
  lines: LyricLine[];
  /** ID tags such as `ar`, `ti`, `al`, `by`, `offset`, keyed lower-case */
  tags: Record<string, string>;
}

export const MAX_LYRICS_CHARS = 512 * 1024;
export const MAX_LYRIC_LINES = 5000;
export const MAX_LYRIC_LINE_LENGTH = 1000;
/** offsets beyond this are typos, not intent */
const MAX_OFFSET_MS = 10 * 60 * 1000;

// Only the tags LRC defines: "[Chorus: Drake]" in plain lyrics is text, not a tag.
const knownTags = new Set([
  'ar',
  'al',
  'ti',
  'au',
  'by',
  'offset',
  're',
  've',
  'length',
  'la',
  'lang',
  'tool',
  '#',
]);

const leadingBracket = /^\[([^[\]]*)\]/;
const timestamp = /^(\d{1,3}):(\d{1,2})(?:[.:](\d{1,3}))?$/;
const idTag = /^([A-Za-z#]+)\s*:(.*)$/s;
const wordStamps = /<\d{1,3}:\d{1,2}(?:[.:]\d{1,3})?>/g;
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u001f\u007f-\u009f]+/g;

function timeToMs(match: RegExpExecArray): number {
  const minutes = Number(match[1]);
  const seconds = Number(match[2]);
  const fraction = match[3] ?? '';
  // One digit is tenths, two are hundredths, three are milliseconds.
  const ms = fraction ? Number(fraction.padEnd(3, '0')) : 0;
  return (minutes * 60 + seconds) * 1000 + ms;
}

function cleanLine(text: string): string {
  const cleaned = text.replace(wordStamps, '').replace(controlChars, ' ').trim();
  return cleaned.length > MAX_LYRIC_LINE_LENGTH ? cleaned.slice(0, MAX_LYRIC_LINE_LENGTH).trim() : cleaned;
}

function parseOffset(value: string | undefined): number {
  if (!value || !/^\s*[+-]?\d{1,9}\s*$/.test(value)) return 0;
  return Math.max(-MAX_OFFSET_MS, Math.min(MAX_OFFSET_MS, Number.parseInt(value, 10)));
}

/** Drops leading and trailing blank lines and keeps at most one blank line between stanzas. */
function tidyPlain(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

export function parseLrc(input: string): ParsedLyrics {
  const text = input.length > MAX_LYRICS_CHARS ? input.slice(0, MAX_LYRICS_CHARS) : input;
  const timed: { timeMs: number; text: string }[] = [];
  const plain: string[] = [];
  const tags: Record<string, string> = {};

  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    let rest = raw.trim();
    const times: number[] = [];
    let sawTag = false;
    for (let group = leadingBracket.exec(rest); group; group = leadingBracket.exec(rest)) {
      const inner = (group[1] ?? '').trim();
      const time = timestamp.exec(inner);
      if (time) {
        times.push(timeToMs(time));
      } else {
        const tag = times.length === 0 ? idTag.exec(inner) : null;
        const key = tag?.[1]?.toLowerCase();
        if (!tag || !key || !knownTags.has(key)) break;
        tags[key] = cleanLine(tag[2] ?? '');
        sawTag = true;
      }
      rest = rest.slice(group[0].length).trimStart();
    }
    if (times.length > 0) {
      const line = cleanLine(rest);
      for (const timeMs of times) timed.push({ timeMs, text: line });
    } else if (!sawTag) {
      plain.push(cleanLine(raw));
    }
  }

  if (timed.length > 0) {
    // A positive offset shows the lyrics sooner (LRC convention).
    const offset = parseOffset(tags.offset);
    const lines = timed
      .map((line) => ({ timeMs: Math.max(0, line.timeMs - offset), text: line.text }))
      .sort((a, b) => a.timeMs - b.timeMs)
      .slice(0, MAX_LYRIC_LINES);
    return { synced: true, lines, tags };
  }
  const lines = tidyPlain(plain)
    .slice(0, MAX_LYRIC_LINES)
    .map((line) => ({ timeMs: null, text: line }));
  return { synced: false, lines, tags };
}

function formatTime(ms: number): string {
  const centis = Math.round(ms / 10);
  const minutes = Math.floor(centis / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  const hundredths = centis % 100;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(hundredths).padStart(2, '0')}`;
}

/** Writes lines back as LRC (`[mm:ss.xx]text`), or as plain text when they carry no times. */
export function formatLrc(lines: readonly LyricLine[], tags: Record<string, string> = {}): string {
  const head = Object.entries(tags).map(([key, value]) => `[${key}:${value}]`);
  const body = lines.map((line) =>
    line.timeMs === null ? line.text : `[${formatTime(line.timeMs)}]${line.text}`,
  );
  return [...head, ...body].join('\n');
}
