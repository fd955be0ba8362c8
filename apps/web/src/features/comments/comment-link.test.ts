import { describe, expect, it } from 'vitest';
import { commentTargetPath } from './comment-link.ts';

describe('where a comment lives', () => {
  it('is the page of what it is about, at its comments', () => {
    expect(commentTargetPath({ targetType: 'track', targetId: 't', lineIndex: null })).toBe(
      '/tracks/t#comments',
    );
    expect(commentTargetPath({ targetType: 'album', targetId: 'a', lineIndex: null })).toBe(
      '/albums/a#comments',
    );
    expect(commentTargetPath({ targetType: 'playlist', targetId: 'p', lineIndex: null })).toBe(
      '/playlists/p#comments',
    );
  });
  it('opens a lyric line on its song page', () => {
    expect(commentTargetPath({ targetType: 'lyric', targetId: 't', lineIndex: 4 })).toBe(
      '/tracks/t?line=4#comments',
    );
  });
});
