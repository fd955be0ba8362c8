import { describe, expect, it } from 'vitest';
import { arrange } from './arranger.ts';
import { catalogEntries } from './catalog.ts';
import { composeCatalog } from './composer.ts';
import { buildLrc, formatLrcTimestamp } from './lrc-writer.ts';
import { writeLyrics } from './lyrics.ts';

const LINE = /^\[(\d{2}):(\d{2})\.(\d{2})\](.*)$/;

/** Parses the timed lines of an LRC file (header tags are skipped). */
function parseLrc(text: string): { time: number; text: string }[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0 && !/^\[[a-z]+:/.test(line))
    .map((line) => {
      const match = LINE.exec(line);
      if (!match) throw new Error(`Not an LRC line: ${line}`);
      return { time: Number(match[1]) * 60 + Number(match[2]) + Number(match[3]) / 100, text: match[4]! };
    });
}

describe('formatLrcTimestamp', () => {
  it('formats [mm:ss.xx] and rounds to hundredths', () => {
    expect(formatLrcTimestamp(0)).toBe('[00:00.00]');
    expect(formatLrcTimestamp(61.234)).toBe('[01:01.23]');
    expect(formatLrcTimestamp(59.999)).toBe('[01:00.00]');
    expect(formatLrcTimestamp(179.5)).toBe('[02:59.50]');
  });
});

describe('song lyrics as LRC', () => {
  const entries = catalogEntries();
  const compositions = composeCatalog(
    entries.map((entry) => ({
      styleId: entry.album.style,
      albumKey: entry.album.key,
      trackIndex: entry.index,
    })),
    20240917,
  );

  it('writes parseable, strictly increasing timestamps within the song, for every track', () => {
    compositions.forEach((composition, i) => {
      const entry = entries[i]!;
      const lines = writeLyrics(arrange(composition).cues, entry.album.language, composition.seed);
      const header = {
        title: entry.track.title,
        artist: entry.album.artist,
        album: entry.album.title,
        durationSec: composition.durationSec,
      };
      const text = buildLrc(header, lines);
      expect(text).toContain(`[ti:${entry.track.title}]`);
      const parsed = parseLrc(text);
      expect(parsed.filter((line) => line.text.length > 0).length).toBeGreaterThanOrEqual(8);
      parsed.forEach((line, j) => {
        if (j > 0) expect(line.time).toBeGreaterThan(parsed[j - 1]!.time);
        expect(line.time).toBeLessThan(composition.durationSec);
      });
    });
  });

  it('writes Chinese lyrics for Chinese songs, with an English translation on the same timestamps', () => {
    const index = entries.findIndex((entry) => entry.album.language === 'zh' && entry.track.translation);
    const composition = compositions[index]!;
    const lines = writeLyrics(arrange(composition).cues, 'zh', composition.seed);
    const sung = lines.filter((line) => line.text.length > 0);
    expect(sung.every((line) => /\p{Script=Han}/u.test(line.text))).toBe(true);
    expect(
      sung.every((line) => /^[A-Z]/.test(line.translation) && !/\p{Script=Han}/u.test(line.translation)),
    ).toBe(true);
  });

  it('repeats the chorus word for word and keeps verses fresh', () => {
    const composition = compositions[0]!;
    const cues = arrange(composition).cues;
    const lines = writeLyrics(cues, 'en', composition.seed);
    const chorus = (occurrence: number) =>
      lines
        .filter((_, i) => cues[i]!.section === 'chorus' && cues[i]!.occurrence === occurrence)
        .map((l) => l.text);
    expect(chorus(0).length).toBeGreaterThan(0);
    expect(chorus(1)).toEqual(chorus(0));
    const verses = lines.filter((_, i) => cues[i]!.section === 'verse').map((line) => line.text);
    expect(new Set(verses).size).toBeGreaterThan(verses.length / 2);
  });
});
