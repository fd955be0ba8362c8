/**
 * LRC output: `[mm:ss.xx]` timestamped lines, preceded by the common ID tags (title, artist, album,
 * length) that players display before the first line.
 */

export interface LrcHeader {
  readonly title: string;
  readonly artist: string;
  readonly album: string;
  readonly durationSec: number;
}

export interface LrcLine {
  readonly time: number;
  readonly text: string;
}

/** `[mm:ss.xx]`, rounded to hundredths of a second. */
export function formatLrcTimestamp(seconds: number): string {
  const hundredths = Math.max(0, Math.round(seconds * 100));
  const minutes = Math.floor(hundredths / 6000);
  const secs = Math.floor(hundredths / 100) % 60;
  const fraction = hundredths % 100;
  return `[${pad(minutes)}:${pad(secs)}.${pad(fraction)}]`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Tag values must stay on one line and must not close the bracket early. */
function tagValue(value: string): string {
  return value.replace(/[\r\n\]]+/g, ' ').trim();
}

export function buildLrc(header: LrcHeader, lines: readonly LrcLine[]): string {
  const minutes = Math.floor(Math.round(header.durationSec) / 60);
  const seconds = Math.round(header.durationSec) % 60;
  const out = [
    `[ti:${tagValue(header.title)}]`,
    `[ar:${tagValue(header.artist)}]`,
    `[al:${tagValue(header.album)}]`,
    `[length:${pad(minutes)}:${pad(seconds)}]`,
    `[by:Resonance demo generator]`,
    ...lines.map((line) => `${formatLrcTimestamp(line.time)}${line.text.replace(/[\r\n]+/g, ' ')}`),
  ];
  return `${out.join('\n')}\n`;
}
