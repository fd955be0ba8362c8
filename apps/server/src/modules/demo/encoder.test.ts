import { describe, expect, it } from 'vitest';
import { ffmpegArguments, type EncodeRequest } from './encoder.ts';

const request: EncodeRequest = {
  ffmpegPath: 'ffmpeg',
  pcm: Buffer.alloc(0),
  sampleRate: 44100,
  channels: 2,
  format: 'mp3',
  outputPath: 'out.mp3',
  coverPath: 'cover.jpg',
  tags: {
    title: '夜雨',
    artists: ['沈知夏', 'Mira Vale'],
    album: '纸飞机的夏天',
    albumArtist: '沈知夏',
    trackNo: 2,
    trackTotal: 4,
    discNo: 1,
    discTotal: 1,
    year: 2021,
    genre: 'Mandopop',
  },
};

const metadata = (args: string[]) => args.flatMap((arg, i) => (args[i - 1] === '-metadata' ? [arg] : []));

describe('ffmpegArguments', () => {
  it('reads raw PCM from stdin', () => {
    const args = ffmpegArguments(request);
    expect(args.join(' ')).toContain('-f s16le -ar 44100 -ac 2 -i pipe:0');
    expect(args.at(-1)).toBe('out.mp3');
  });

  it('joins several artists with "/" in ID3v2.3 and embeds the cover in MP3', () => {
    const args = ffmpegArguments(request);
    expect(args).toContain('-id3v2_version');
    expect(metadata(args)).toContain('artist=沈知夏/Mira Vale');
    expect(metadata(args)).toContain('track=2/4');
    expect(args.join(' ')).toContain('-disposition:v attached_pic');
  });

  it('writes only the first artist for Vorbis comments (the rest are appended after encoding)', () => {
    const args = ffmpegArguments({ ...request, format: 'flac', outputPath: 'out.flac' });
    expect(metadata(args)).toContain('artist=沈知夏');
    expect(args).toContain('attached_pic');
  });

  it('does not embed pictures in Opus, and allows embedded lyrics there', () => {
    const args = ffmpegArguments({
      ...request,
      format: 'opus',
      outputPath: 'out.opus',
      tags: { ...request.tags, lyrics: '[00:01.00]夜雨' },
    });
    expect(args).not.toContain('attached_pic');
    expect(metadata(args)).toContain('lyrics=[00:01.00]夜雨');
  });

  it('refuses embedded lyrics in MP3, where ffmpeg would not write a lyrics frame', () => {
    expect(() => ffmpegArguments({ ...request, tags: { ...request.tags, lyrics: 'x' } })).toThrow();
  });
});
