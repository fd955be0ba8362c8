import { badRequest, notFound } from '../../http/errors.ts';
import type { PlaylistAccessRepository } from '../playlists/playlist-access.repository.ts';
import type { CommentTarget } from './comment.repository.ts';
import type { CommentTargetRepository } from './comment-target.repository.ts';

export interface ResolvedTarget extends CommentTarget {
  lineIndex: number | null;
  quotedLine: string | null;
}

const targetNotFound = () => notFound('target_not_found', 'There is nothing to comment on here');

/**
 * Whether a viewer can see what a comment is about. A track or album exists or not; a
 * playlist also has to be visible to the viewer (the playlists module decides), and one that
 * is not is reported missing, exactly like one that never existed. A lyric comment is about a
 * track and one line of its original lyrics.
 */
export class CommentTargets {
  constructor(
    private readonly catalog: CommentTargetRepository,
    private readonly playlists: Pick<PlaylistAccessRepository, 'findVisible'>,
  ) {}

  async canSee(viewerId: string, target: CommentTarget): Promise<boolean> {
    switch (target.targetType) {
      case 'track':
      case 'lyric':
        return this.catalog.trackExists(target.targetId);
      case 'album':
        return this.catalog.albumExists(target.targetId);
      case 'playlist':
        return (await this.playlists.findVisible(viewerId, target.targetId)) !== undefined;
    }
  }

  /** Throws 404 unless the viewer can see the target. */
  async assertVisible(viewerId: string, target: CommentTarget): Promise<void> {
    if (!(await this.canSee(viewerId, target))) throw targetNotFound();
  }

  /** What a new top-level comment attaches to, with the quoted lyric line for 'lyric'. */
  async resolveForPosting(
    viewerId: string,
    target: CommentTarget,
    lineIndex: number | undefined,
  ): Promise<ResolvedTarget> {
    if (target.targetType !== 'lyric') {
      if (lineIndex !== undefined) {
        throw badRequest('line_index_not_allowed', 'lineIndex is only for lyric comments');
      }
      await this.assertVisible(viewerId, target);
      return { ...target, lineIndex: null, quotedLine: null };
    }
    if (lineIndex === undefined) throw badRequest('line_index_required', 'A lyric comment names its line');
    const lines = await this.catalog.originalLyrics(target.targetId);
    if (!lines) {
      await this.assertVisible(viewerId, target);
      throw notFound('lyric_line_not_found', 'This track has no lyrics');
    }
    const text = lines[lineIndex]?.text.trim();
    if (!text) throw notFound('lyric_line_not_found', `The lyrics have no line ${lineIndex}`);
    return { ...target, lineIndex, quotedLine: text };
  }
}
