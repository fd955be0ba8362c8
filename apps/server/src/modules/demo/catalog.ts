/**
 * The made-up artists, albums and track titles of the demo library (all invented; any resemblance
 * to real releases is a coincidence). Chinese and English names on purpose, plus collaborations,
 * translated lyrics and tag-embedded lyrics, so every import path of the server gets exercised.
 */
import type { StyleId } from './styles.ts';

export type Language = 'zh' | 'en';
export type AudioFormat = 'opus' | 'mp3' | 'flac';

export interface CatalogTrack {
  readonly title: string;
  /** Artists credited next to the album artist (a duet or a "feat."). */
  readonly featuring?: readonly string[];
  /** Also write a translated lyrics sidecar (`.en.lrc` for Chinese songs, `.zh-CN.lrc` for English). */
  readonly translation?: boolean;
  /** Put the lyrics into the file's tags instead of a sidecar (FLAC/Opus only: see encoder.ts). */
  readonly embeddedLyrics?: boolean;
}

export interface CatalogAlbum {
  /** Stable key for seeding; never shown. */
  readonly key: string;
  readonly title: string;
  readonly artist: string;
  /** Latin-script title and artist for the cover art: servers often lack CJK fonts. */
  readonly coverTitle: string;
  readonly coverArtist: string;
  readonly year: number;
  readonly style: StyleId;
  readonly language: Language;
  readonly format: AudioFormat;
  readonly tracks: readonly CatalogTrack[];
}

export const CATALOG: readonly CatalogAlbum[] = [
  {
    key: 'afterglow-circuit',
    title: 'Afterglow Circuit',
    artist: 'Neon Harbor',
    coverTitle: 'Afterglow Circuit',
    coverArtist: 'Neon Harbor',
    year: 2019,
    style: 'synthpop',
    language: 'en',
    format: 'opus',
    tracks: [
      { title: 'Signal Fire', featuring: ['Mira Vale'], translation: true },
      { title: 'Chrome Summer' },
      { title: 'Midnight Arcade Lights', translation: true },
      { title: 'Satellite Heart' },
    ],
  },
  {
    key: 'paper-plane-summer',
    title: '纸飞机的夏天',
    artist: '沈知夏',
    coverTitle: 'Paper Plane Summer',
    coverArtist: 'Shen Zhixia',
    year: 2021,
    style: 'mandopop',
    language: 'zh',
    format: 'mp3',
    tracks: [
      { title: '风铃与你', translation: true },
      { title: '夜雨', translation: true },
      { title: '旧书店的猫' },
      { title: '纸飞机的夏天', translation: true },
    ],
  },
  {
    key: 'pixel-harvest',
    title: 'Pixel Harvest',
    artist: '8-Bit Orchard',
    coverTitle: 'Pixel Harvest',
    coverArtist: '8-Bit Orchard',
    year: 2017,
    style: 'chiptune',
    language: 'en',
    format: 'mp3',
    tracks: [
      { title: 'Cartridge Orchard', featuring: ['The Paper Lanterns'] },
      { title: 'Boss Fight at the Bakery' },
      { title: 'Save Point Sunrise', translation: true },
      { title: 'Extra Life' },
    ],
  },
  {
    key: 'convenience-store-3am',
    title: '凌晨三点的便利店',
    artist: '北极星电台',
    coverTitle: '3 A.M. Convenience Store',
    coverArtist: 'Polaris Radio',
    year: 2022,
    style: 'lofi',
    language: 'zh',
    format: 'opus',
    tracks: [
      { title: '便利店的灯', translation: true },
      { title: '雨天的耳机', featuring: ['沈知夏'] },
      { title: '末班车', translation: true },
      { title: '温热的咖啡' },
    ],
  },
  {
    key: 'small-town-satellites',
    title: 'Small Town Satellites',
    artist: 'The Paper Lanterns',
    coverTitle: 'Small Town Satellites',
    coverArtist: 'The Paper Lanterns',
    year: 2018,
    style: 'indieRock',
    language: 'en',
    format: 'mp3',
    tracks: [
      { title: 'Paper Kites Over Main Street', translation: true },
      { title: 'Gas Station Poetry' },
      { title: 'Long Way Home' },
      { title: 'Tin Can Telephone', translation: true },
    ],
  },
  {
    key: 'mountain-wind-river',
    title: '山风与河',
    artist: '青石巷',
    coverTitle: 'Mountain Wind & River',
    coverArtist: 'Bluestone Lane',
    year: 2020,
    style: 'folk',
    language: 'zh',
    format: 'flac',
    tracks: [
      { title: '青石板路', featuring: ['沈知夏'], embeddedLyrics: true },
      { title: '山歌', translation: true },
      { title: '河灯' },
    ],
  },
  {
    key: 'tidal-rooms',
    title: 'Tidal Rooms',
    artist: 'Mira Vale',
    coverTitle: 'Tidal Rooms',
    coverArtist: 'Mira Vale',
    year: 2023,
    style: 'ambient',
    language: 'en',
    format: 'opus',
    tracks: [
      { title: 'Low Tide Cathedral', translation: true },
      { title: 'Salt Glass', embeddedLyrics: true },
      { title: 'Harbor Fog' },
    ],
  },
  {
    key: 'rooftop-standards',
    title: 'Rooftop Standards',
    artist: 'The Blue Hour Trio',
    coverTitle: 'Rooftop Standards',
    coverArtist: 'The Blue Hour Trio',
    year: 2016,
    style: 'jazz',
    language: 'en',
    format: 'mp3',
    tracks: [
      { title: 'Rooftop at Ten' },
      { title: 'Blue Umbrella', translation: true },
      { title: 'Streetlight Serenade' },
    ],
  },
];

export interface CatalogEntry {
  readonly album: CatalogAlbum;
  readonly track: CatalogTrack;
  /** 0-based position on the album. */
  readonly index: number;
}

/**
 * Every track in generation order: first tracks of all albums, then second tracks, and so on. A
 * small `limit` therefore still samples many artists, both languages and all three formats.
 */
export function catalogEntries(catalog: readonly CatalogAlbum[] = CATALOG): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const longest = Math.max(...catalog.map((album) => album.tracks.length));
  for (let index = 0; index < longest; index++) {
    for (const album of catalog) {
      const track = album.tracks[index];
      if (track) entries.push({ album, track, index });
    }
  }
  return entries;
}

export function trackArtists(entry: CatalogEntry): string[] {
  return [entry.album.artist, ...(entry.track.featuring ?? [])];
}
