import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { ffmpegPath } from '../../src/platform/ffmpeg.ts';

/**
 * Real audio files for scanner tests, encoded at test time with ffmpeg (a sine tone, a few
 * seconds long) and tagged as the test says:
 *
 *   await anAudioFile().titled('晴天').by('周杰伦; 费玉清').onAlbum('叶惠美').as('flac').writeTo(file);
 */
export type FixtureFormat = 'mp3' | 'flac' | 'ogg' | 'opus' | 'm4a' | 'wav';

const encoders: Record<FixtureFormat, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '64k', '-id3v2_version', '3'],
  flac: ['-c:a', 'flac'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '2'],
  opus: ['-c:a', 'libopus', '-b:a', '48k'],
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
  wav: ['-c:a', 'pcm_s16le'],
};

export function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg failed (${code}): ${stderr}`)),
    );
  });
}

export class AudioFileBuilder {
  private readonly tags = new Map<string, string>();
  private format: FixtureFormat = 'mp3';
  private seconds = 3;
  private frequency = 440;
  private cover: string | null = null;
  private extra: string[] = [];

  titled(title: string): this {
    this.tags.set('title', title);
    return this;
  }

  /** one tag value; separate several artists with "; " as taggers do */
  by(artist: string): this {
    this.tags.set('artist', artist);
    return this;
  }

  albumArtist(name: string): this {
    this.tags.set('album_artist', name);
    return this;
  }

  onAlbum(album: string): this {
    this.tags.set('album', album);
    return this;
  }

  track(no: number, total?: number): this {
    this.tags.set('track', total ? `${no}/${total}` : String(no));
    return this;
  }

  disc(no: number): this {
    this.tags.set('disc', String(no));
    return this;
  }

  year(year: number): this {
    this.tags.set('date', String(year));
    return this;
  }

  genre(genre: string): this {
    this.tags.set('genre', genre);
    return this;
  }

  lyrics(text: string): this {
    this.tags.set('lyrics', text);
    return this;
  }

  tag(key: string, value: string): this {
    this.tags.set(key, value);
    return this;
  }

  as(format: FixtureFormat): this {
    this.format = format;
    return this;
  }

  lasting(seconds: number): this {
    this.seconds = seconds;
    return this;
  }

  tone(frequency: number): this {
    this.frequency = frequency;
    return this;
  }

  /** embeds this image file as the front cover (mp3, flac, m4a) */
  withCover(imagePath: string): this {
    this.cover = imagePath;
    return this;
  }

  /** extra encoder arguments, e.g. a VBR MP3 without its Xing header */
  encodedWith(...args: string[]): this {
    this.extra = args;
    return this;
  }

  async writeTo(file: string): Promise<string> {
    await mkdir(path.dirname(file), { recursive: true });
    const input = ['-f', 'lavfi', '-i', `sine=frequency=${this.frequency}:duration=${this.seconds}`];
    const picture = this.cover
      ? ['-i', this.cover, '-map', '0:a', '-map', '1:v', '-c:v', 'copy', '-disposition:v', 'attached_pic']
      : [];
    const metadata = [...this.tags].flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
    await runFfmpeg([
      ...input,
      ...picture,
      ...encoders[this.format],
      ...this.extra,
      ...metadata,
      '-f',
      muxer(this.format),
      file,
    ]);
    return file;
  }
}

function muxer(format: FixtureFormat): string {
  return format === 'm4a' ? 'ipod' : format === 'opus' ? 'opus' : format === 'ogg' ? 'ogg' : format;
}

export function anAudioFile(): AudioFileBuilder {
  return new AudioFileBuilder();
}

/** A real JPEG or PNG of one colour, for folder covers. */
export async function aCoverImage(
  file: string,
  options: { width?: number; height?: number; color?: string; format?: 'jpeg' | 'png' } = {},
): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const image = sharp({
    create: {
      width: options.width ?? 300,
      height: options.height ?? 300,
      channels: 3,
      background: options.color ?? '#c33',
    },
  });
  await (options.format === 'png' ? image.png() : image.jpeg()).toFile(file);
  return file;
}
