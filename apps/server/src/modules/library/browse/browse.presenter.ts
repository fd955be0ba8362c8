import type { LyricLine } from '../../../db/schema.ts';
import type { AlbumDto, ArtistDto, LyricsDto, TrackDto } from './browse.schema.ts';
import type { AlbumRow, ArtistRow, TrackRow } from './browse.repository.ts';
import type { AlbumDetail, ArtistDetail, Lyrics } from './browse.service.ts';

export function coverUrl(coverId: string | null): string | null {
  return coverId ? `/api/v1/covers/${encodeURIComponent(coverId)}` : null;
}

export function streamUrl(trackId: string): string {
  return `/api/v1/tracks/${trackId}/stream`;
}

export function presentTrack(row: TrackRow): TrackDto {
  return {
    id: row.id,
    title: row.title,
    artists: row.artists.map((a) => ({ id: a.id, name: a.name })),
    album: row.albumId && row.albumTitle !== null ? { id: row.albumId, title: row.albumTitle } : null,
    albumArtist:
      row.albumArtistId && row.albumArtistName !== null
        ? { id: row.albumArtistId, name: row.albumArtistName }
        : null,
    trackNo: row.trackNo,
    discNo: row.discNo,
    year: row.year,
    genre: row.genre,
    durationMs: row.durationMs,
    format: row.format,
    bitrate: row.bitrate,
    sampleRate: row.sampleRate,
    channels: row.channels,
    replayGain: {
      trackGain: row.replaygainTrackGain,
      trackPeak: row.replaygainTrackPeak,
      albumGain: row.replaygainAlbumGain,
      albumPeak: row.replaygainAlbumPeak,
    },
    coverUrl: coverUrl(row.coverId),
    streamUrl: streamUrl(row.id),
    hasLyrics: row.hasLyrics,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAlbum(row: AlbumRow): AlbumDto {
  return {
    id: row.id,
    title: row.title,
    artist: { id: row.artistId, name: row.artistName },
    year: row.year,
    genre: row.genre,
    coverUrl: coverUrl(row.coverId),
    trackCount: row.trackCount,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAlbumDetail(detail: AlbumDetail) {
  return { ...presentAlbum(detail.album), tracks: detail.tracks.map(presentTrack) };
}

export function presentArtist(row: ArtistRow): ArtistDto {
  return {
    id: row.id,
    name: row.name,
    albumCount: row.albumCount,
    trackCount: row.trackCount,
    coverUrl: coverUrl(row.coverId),
  };
}

export function presentArtistDetail(detail: ArtistDetail) {
  return {
    ...presentArtist(detail.artist),
    albums: detail.albums.map(presentAlbum),
    appearsOn: detail.appearsOn.map(presentAlbum),
    topTracks: detail.topTracks.map(presentTrack),
  };
}

/**
 * Lines are jsonb written by the scanner; a line of the wrong shape is mended here rather than
 * failing the whole response against its schema.
 */
function presentLines(lines: unknown): LyricLine[] {
  if (!Array.isArray(lines)) return [];
  return lines.map((line: unknown) => {
    const { timeMs, text } = (typeof line === 'object' && line !== null ? line : {}) as Record<
      string,
      unknown
    >;
    return {
      timeMs: typeof timeMs === 'number' && Number.isFinite(timeMs) ? Math.max(0, Math.round(timeMs)) : null,
      text: typeof text === 'string' ? text : '',
    };
  });
}

export function presentLyrics(lyrics: Lyrics): LyricsDto {
  return {
    trackId: lyrics.trackId,
    synced: lyrics.original.synced,
    source: lyrics.original.source,
    lines: presentLines(lyrics.original.lines),
    translation: lyrics.translation
      ? { lang: lyrics.translation.lang, lines: presentLines(lyrics.translation.lines) }
      : null,
    translations: lyrics.translations,
  };
}
