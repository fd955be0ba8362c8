import { describe, expect, it } from 'vitest';
import { classifyEntry, isAudioFileName, isHidden } from './file-walker.ts';

const entry = (name: string, kind: 'file' | 'dir' | 'link') => ({
  name,
  isFile: () => kind === 'file',
  isDirectory: () => kind === 'dir',
});

describe('file walker filter', () => {
  it('takes the six formats whatever the case of the extension', () => {
    for (const name of ['a.mp3', 'b.FLAC', 'c.ogg', 'd.opus', 'e.m4a', 'f.wav', 'g.Mp3', 'h.oga']) {
      expect(isAudioFileName(name), name).toBe(true);
    }
  });

  it('leaves other files, names without extension and hidden files alone', () => {
    for (const name of [
      'cover.jpg',
      'song.lrc',
      'mp3',
      'song.mp3.part',
      'notes.txt',
      '.song.mp3',
      '._song.mp3',
    ]) {
      expect(isAudioFileName(name), name).toBe(false);
    }
  });

  it('follows folders but never symbolic links, and skips hidden folders', () => {
    expect(classifyEntry(entry('Album', 'dir'))).toBe('dir');
    expect(classifyEntry(entry('.git', 'dir'))).toBe('skip');
    expect(classifyEntry(entry('linked.mp3', 'link'))).toBe('skip');
    expect(classifyEntry(entry('Linked Album', 'link'))).toBe('skip');
    expect(classifyEntry(entry('song.mp3', 'file'))).toBe('audio');
    expect(classifyEntry(entry('song.lrc', 'file'))).toBe('other');
    expect(isHidden('.DS_Store')).toBe(true);
  });
});
