import fc from 'fast-check';
import type { IAudioMetadata } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { mapMetadata, splitArtists, UNKNOWN_ARTIST, UnreadableAudioError } from './tag-reader.ts';

interface Fixture {
  common?: Record<string, unknown>;
  format?: Record<string, unknown>;
  native?: Record<string, { id: string; value: unknown }[]>;
}

/** A music-metadata result as it comes out of parseFile, with only the fields a test names. */
function metadata({ common = {}, format = {}, native = {} }: Fixture): IAudioMetadata {
  return {
    common: { track: { no: null, of: null }, disk: { no: null, of: null }, movementIndex: {}, ...common },
    format: {
      container: 'MPEG',
      codec: 'MPEG 1 Layer 3',
      duration: 200.5,
      bitrate: 320_000,
      sampleRate: 44_100,
      numberOfChannels: 2,
      tagTypes: [],
      trackInfo: [],
      ...format,
    },
    native,
    quality: { warnings: [] },
  } as unknown as IAudioMetadata;
}

describe('mapMetadata', () => {
  it('maps a fully tagged MP3', () => {
    const tags = mapMetadata(
      metadata({
        common: {
          title: 'Total Breakdown',
          artist: 'Brad Sucks',
          artists: ['Brad Sucks'],
          albumartist: 'Brad Sucks',
          album: 'Out of It',
          track: { no: 7, of: 12 },
          disk: { no: 1, of: 1 },
          year: 2008,
          genre: ['Rock'],
          replaygain_track_gain: { dB: -10.3, ratio: 0.09 },
          replaygain_track_peak: { dB: -0.1, ratio: 0.98 },
        },
      }),
      '/music/x.mp3',
    );
    expect(tags).toMatchObject({
      title: 'Total Breakdown',
      artists: ['Brad Sucks'],
      albumArtist: 'Brad Sucks',
      album: 'Out of It',
      trackNo: 7,
      trackTotal: 12,
      discNo: 1,
      year: 2008,
      genre: 'Rock',
      durationMs: 200_500,
      bitrate: 320,
      sampleRate: 44_100,
      channels: 2,
      codec: 'mp3',
      format: 'mp3',
      mime: 'audio/mpeg',
      replaygainTrackGain: -10.3,
      replaygainTrackPeak: 0.98,
      replaygainAlbumGain: null,
      picture: null,
      lyrics: null,
    });
  });

  it('falls back to the file name, "Unknown Artist" and no album', () => {
    const tags = mapMetadata(metadata({}), '/music/Some Folder/03 - Untitled Jam.flac');
    expect(tags.title).toBe('03 - Untitled Jam');
    expect(tags.artists).toEqual([UNKNOWN_ARTIST]);
    expect(tags.albumArtist).toBe(UNKNOWN_ARTIST);
    expect(tags.album).toBeNull();
  });

  it('uses the first artist as album artist and reads the year from a date', () => {
    const tags = mapMetadata(
      metadata({ common: { artists: ['周杰伦', '费玉清'], album: '依然范特西', date: '2006-09-05' } }),
      '/m/a.mp3',
    );
    expect(tags.artists).toEqual(['周杰伦', '费玉清']);
    expect(tags.albumArtist).toBe('周杰伦');
    expect(tags.year).toBe(2006);
  });

  it('tells the real format from the container and codec', () => {
    const opus = mapMetadata(metadata({ format: { container: 'Ogg', codec: 'Opus' } }), '/m/a.ogg');
    expect(opus).toMatchObject({ format: 'opus', mime: 'audio/ogg', codec: 'opus' });
    const vorbis = mapMetadata(metadata({ format: { container: 'Ogg', codec: 'Vorbis I' } }), '/m/a.ogg');
    expect(vorbis).toMatchObject({ format: 'ogg', codec: 'vorbis' });
    const aac = mapMetadata(
      metadata({ format: { container: 'M4A/isom/iso2', codec: 'MPEG-4/AAC' } }),
      '/m/a.m4a',
    );
    expect(aac).toMatchObject({ format: 'm4a', mime: 'audio/mp4', codec: 'aac' });
    const wav = mapMetadata(metadata({ format: { container: 'WAVE', codec: 'PCM' } }), '/m/a.wav');
    expect(wav).toMatchObject({ format: 'wav', mime: 'audio/wav', codec: 'pcm' });
    const flac = mapMetadata(metadata({ format: { container: 'FLAC', codec: 'FLAC' } }), '/m/a.mp3');
    expect(flac).toMatchObject({ format: 'flac', mime: 'audio/flac' });
  });

  it('refuses what is not playable audio', () => {
    expect(() =>
      mapMetadata(metadata({ format: { container: undefined, codec: undefined } }), '/m/a.mp3'),
    ).toThrow(UnreadableAudioError);
    expect(() => mapMetadata(metadata({ format: { duration: 0 } }), '/m/a.mp3')).toThrow(/length/);
    expect(() => mapMetadata(metadata({ format: { duration: -0.0065 } }), '/m/a.opus')).toThrow(/length/);
    expect(() => mapMetadata(metadata({ format: { container: 'AIFF', codec: 'PCM' } }), '/m/a.mp3')).toThrow(
      /unsupported format/,
    );
  });

  it('takes the front cover among several pictures', () => {
    const front = new Uint8Array([1, 2, 3]);
    const tags = mapMetadata(
      metadata({
        common: {
          picture: [
            { format: 'image/jpeg', type: 'Cover (back)', data: new Uint8Array([9]) },
            { format: 'image/jpeg', type: 'Cover (front)', data: front },
          ],
        },
      }),
      '/m/a.mp3',
    );
    expect(tags.picture).toBe(front);
  });

  it('takes raw lyrics from the native tags, and ID3 synced lyrics as LRC', () => {
    const vorbis = mapMetadata(
      metadata({ native: { vorbis: [{ id: 'LYRICS', value: '[00:01.00]a\n[00:01.00][00:03.00]b' }] } }),
      '/m/a.flac',
    );
    expect(vorbis.lyrics).toBe('[00:01.00]a\n[00:01.00][00:03.00]b');
    const uslt = mapMetadata(
      metadata({
        native: {
          'ID3v2.3': [{ id: 'USLT', value: { language: 'eng', descriptor: '', text: 'plain words' } }],
        },
      }),
      '/m/a.mp3',
    );
    expect(uslt.lyrics).toBe('plain words');
    const sylt = mapMetadata(
      metadata({
        common: {
          lyrics: [
            {
              contentType: 1,
              timeStampFormat: 2,
              syncText: [
                { text: 'one', timestamp: 1000 },
                { text: 'two', timestamp: 2500 },
              ],
            },
          ],
        },
      }),
      '/m/a.mp3',
    );
    expect(sylt.lyrics).toBe('[00:01.00]one\n[00:02.50]two');
  });

  it('cleans control characters and never fails on odd tag values', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(undefined)),
          artist: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(undefined)),
          artists: fc.oneof(fc.array(fc.string({ unit: 'binary' })), fc.constant(undefined)),
          albumartist: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(undefined)),
          album: fc.oneof(fc.string({ unit: 'binary' }), fc.constant(undefined)),
          year: fc.oneof(fc.integer(), fc.double(), fc.constant(undefined)),
          track: fc.record({
            no: fc.oneof(fc.integer(), fc.constant(null)),
            of: fc.oneof(fc.integer(), fc.constant(null)),
          }),
        }),
        (common) => {
          const tags = mapMetadata(metadata({ common }), '/m/file.mp3');
          expect(tags.title.length).toBeGreaterThan(0);
          expect(tags.artists.length).toBeGreaterThan(0);
          for (const text of [tags.title, tags.albumArtist, tags.album ?? '', ...tags.artists]) {
            expect([...text].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
          }
          if (tags.year !== null) expect(Number.isInteger(tags.year)).toBe(true);
          if (tags.trackNo !== null) expect(tags.trackNo).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('splitArtists', () => {
  it('splits the separators taggers use and keeps band names with a slash', () => {
    expect(splitArtists(['Alice; Bob'])).toEqual(['Alice', 'Bob']);
    expect(splitArtists(['Alice / Bob feat. Carol'])).toEqual(['Alice', 'Bob', 'Carol']);
    expect(splitArtists(['周杰伦、费玉清'])).toEqual(['周杰伦', '费玉清']);
    expect(splitArtists(['AC/DC'])).toEqual(['AC/DC']);
  });

  it('drops duplicates and blanks', () => {
    expect(splitArtists(['Alice', 'alice ', '', undefined, 'ALICE; Bob'])).toEqual(['Alice', 'Bob']);
  });
});
