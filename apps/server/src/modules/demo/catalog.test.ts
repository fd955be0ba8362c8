import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntries, trackArtists } from './catalog.ts';

const han = /\p{Script=Han}/u;
const latin = /[A-Za-z]/;

describe('catalog', () => {
  const entries = catalogEntries();

  it('meets the minimum size', () => {
    expect(entries.length).toBeGreaterThanOrEqual(24);
    expect(CATALOG.length).toBeGreaterThanOrEqual(6);
    const artists = new Set(entries.flatMap(trackArtists));
    expect(artists.size).toBeGreaterThanOrEqual(6);
    expect(new Set(CATALOG.map((album) => album.title)).size).toBe(CATALOG.length);
  });

  it('mixes Chinese and English names, including a two-character Chinese title', () => {
    const titles = entries.map((entry) => entry.track.title);
    const artists = CATALOG.map((album) => album.artist);
    expect(titles.some((title) => han.test(title))).toBe(true);
    expect(titles.some((title) => latin.test(title) && !han.test(title))).toBe(true);
    expect(artists.some((name) => han.test(name))).toBe(true);
    expect(artists.some((name) => latin.test(name))).toBe(true);
    expect(titles.some((title) => /^\p{Script=Han}{2}$/u.test(title))).toBe(true);
    for (const album of CATALOG) expect(han.test(album.title)).toBe(album.language === 'zh');
  });

  it('has translations, multi-artist tracks, embedded lyrics and all three formats', () => {
    expect(entries.filter((entry) => entry.track.translation).length).toBeGreaterThanOrEqual(4);
    expect(entries.some((entry) => entry.album.language === 'zh' && entry.track.translation)).toBe(true);
    expect(entries.some((entry) => entry.album.language === 'en' && entry.track.translation)).toBe(true);
    expect(entries.filter((entry) => trackArtists(entry).length > 1).length).toBeGreaterThanOrEqual(1);
    expect(new Set(CATALOG.map((album) => album.format))).toEqual(new Set(['opus', 'mp3', 'flac']));
    const embedded = entries.filter((entry) => entry.track.embeddedLyrics);
    expect(embedded.length).toBeGreaterThanOrEqual(1);
    // ffmpeg writes LYRICS only as a Vorbis comment that readers understand.
    expect(embedded.every((entry) => entry.album.format !== 'mp3' && !entry.track.translation)).toBe(true);
  });

  it('orders generation so the first six tracks already cover every format and language', () => {
    const firstSix = entries.slice(0, 6);
    expect(new Set(firstSix.map((entry) => entry.album.format)).size).toBe(3);
    expect(new Set(firstSix.map((entry) => entry.album.language)).size).toBe(2);
    expect(firstSix.some((entry) => trackArtists(entry).length > 1)).toBe(true);
    expect(firstSix.some((entry) => entry.track.translation)).toBe(true);
  });
});
