import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideFolder } from './library-path.ts';

describe('isInsideFolder', () => {
  it.each([
    ['/music/a.mp3', '/music', true],
    ['/music/sub/dir/a.mp3', '/music', true],
    ['/music/', '/music', false],
    ['/music', '/music', false],
    ['/music-other/a.mp3', '/music', false],
    ['/musical.mp3', '/music', false],
    ['/etc/passwd', '/music', false],
    ['/music/../etc/passwd', '/music', false],
    ['/music/..hidden.mp3', '/music', true],
    ['/a.mp3', '/', true],
  ])('%s in %s → %s', (file, folder, expected) => {
    expect(isInsideFolder(path.resolve(file), path.resolve(folder))).toBe(expected);
  });
});
