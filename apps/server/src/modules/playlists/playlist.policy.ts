import type { PlaylistVisibility } from '../../db/tables/playlists.ts';

/**
 * Who may do what with a playlist. A private playlist exists only for its owner: everyone
 * else is told it is not found (404), never forbidden (403), so its id reveals nothing.
 */
export interface PlaylistFacts {
  ownerId: string;
  visibility: PlaylistVisibility;
}

export type PlaylistAction = 'view' | 'update' | 'delete' | 'subscribe' | 'comment';

export function canViewPlaylist(viewerId: string | null, playlist: PlaylistFacts): boolean {
  return playlist.visibility === 'public' || (viewerId !== null && viewerId === playlist.ownerId);
}

export function canOnPlaylist(
  viewerId: string | null,
  action: PlaylistAction,
  playlist: PlaylistFacts,
): boolean {
  if (!canViewPlaylist(viewerId, playlist)) return false;
  const isOwner = viewerId !== null && viewerId === playlist.ownerId;
  switch (action) {
    case 'view':
      return true;
    case 'update':
    case 'delete':
      return isOwner;
    case 'subscribe':
      // Collecting your own list means nothing; NetEase hides the button on your own lists.
      return viewerId !== null && !isOwner;
    case 'comment':
      return viewerId !== null;
  }
}
