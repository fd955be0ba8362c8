import type { CommentTargetType } from './comment-types.ts';

/**
 * Where a comment lives, to go and read it: the page of its song, album or playlist, at its
 * comments; a lyric line's comments open on the song page with that line picked.
 */
export function commentTargetPath(target: {
  targetType: CommentTargetType;
  targetId: string;
  lineIndex: number | null;
}): string {
  const id = encodeURIComponent(target.targetId);
  switch (target.targetType) {
    case 'track':
      return `/tracks/${id}#comments`;
    case 'album':
      return `/albums/${id}#comments`;
    case 'playlist':
      return `/playlists/${id}#comments`;
    case 'lyric':
      return `/tracks/${id}?line=${target.lineIndex ?? 0}#comments`;
  }
}
