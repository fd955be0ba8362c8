import { describe, expect, it } from 'vitest';
import { pickFolderImage } from './cover-extractor.ts';

describe('pickFolderImage', () => {
  it('prefers cover over folder over front, and jpg over png, ignoring case', () => {
    expect(pickFolderImage(['front.jpg', 'Folder.JPG', 'song.mp3'])).toBe('Folder.JPG');
    expect(pickFolderImage(['COVER.png', 'cover.jpg'])).toBe('cover.jpg');
    expect(pickFolderImage(['front.jpeg'])).toBe('front.jpeg');
  });

  it('ignores images that do not name album art, and non-images named like it', () => {
    expect(pickFolderImage(['scan-01.jpg', 'back.jpg', 'cover.txt', 'cover.svg'])).toBeNull();
    expect(pickFolderImage([])).toBeNull();
  });
});
