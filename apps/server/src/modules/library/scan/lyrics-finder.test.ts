import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLyricsFile, findSidecars, normaliseLang } from './lyrics-finder.ts';

describe('findSidecars', () => {
  it('finds the original and its translations next to the audio file', () => {
    const names = [
      '01 Song.lrc',
      '01 Song.en.lrc',
      '01 Song.ZH-cn.lrc',
      '01 Song.ja.LRC',
      'cover.jpg',
      '02 Other.lrc',
    ];
    expect(findSidecars('01 Song.flac', names)).toEqual([
      { name: '01 Song.lrc', lang: '' },
      { name: '01 Song.en.lrc', lang: 'en' },
      { name: '01 Song.ja.LRC', lang: 'ja' },
      { name: '01 Song.ZH-cn.lrc', lang: 'zh-CN' },
    ]);
  });

  it('does not take the sidecar of another file that shares a prefix', () => {
    expect(findSidecars('Song.mp3', ['Song Live.lrc', 'Song.live.lrc', 'Songs.lrc'])).toEqual([]);
  });

  it('keeps one file per language', () => {
    expect(findSidecars('a.mp3', ['a.en.lrc', 'a.EN.lrc'])).toHaveLength(1);
  });
});

describe('normaliseLang', () => {
  it('cases tags the BCP 47 way and refuses what is not a tag', () => {
    expect(normaliseLang('zh-cn')).toBe('zh-CN');
    expect(normaliseLang('ZH-HANS')).toBe('zh-Hans');
    expect(normaliseLang('EN')).toBe('en');
    expect(normaliseLang('remix')).toBeNull();
    expect(normaliseLang('')).toBeNull();
    expect(normaliseLang('e')).toBeNull();
  });
});

describe('decodeLyricsFile', () => {
  it('reads UTF-8, UTF-16 with a BOM and GB18030', () => {
    expect(decodeLyricsFile(new TextEncoder().encode('[00:01.00]晴天'))).toBe('[00:01.00]晴天');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[00:01.00]晴天', 'utf16le')]);
    expect(decodeLyricsFile(utf16)).toBe('[00:01.00]晴天');
    // "晴天" in GB18030
    expect(decodeLyricsFile(Uint8Array.from([0xc7, 0xe7, 0xcc, 0xec]))).toBe('晴天');
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => typeof decodeLyricsFile(bytes) === 'string'),
    );
  });
});
