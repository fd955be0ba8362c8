import { describe, expect, it } from 'vitest';
import type { PlaylistVisibility } from '../../db/tables/playlists.ts';
import { canOnPlaylist, canViewPlaylist, type PlaylistAction } from './playlist.policy.ts';

const OWNER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

type Viewer = 'owner' | 'other' | 'anonymous';
const viewerId: Record<Viewer, string | null> = { owner: OWNER, other: OTHER, anonymous: null };

/**
 * Every (viewer, visibility, action) and whether it is allowed. A private playlist must give
 * nothing at all to anyone but its owner: that is what makes the API answer 404 for it.
 */
const table: [Viewer, PlaylistVisibility, PlaylistAction, boolean][] = [
  ['owner', 'public', 'view', true],
  ['owner', 'public', 'update', true],
  ['owner', 'public', 'delete', true],
  ['owner', 'public', 'subscribe', false],
  ['owner', 'public', 'comment', true],
  ['owner', 'private', 'view', true],
  ['owner', 'private', 'update', true],
  ['owner', 'private', 'delete', true],
  ['owner', 'private', 'subscribe', false],
  ['owner', 'private', 'comment', true],
  ['other', 'public', 'view', true],
  ['other', 'public', 'update', false],
  ['other', 'public', 'delete', false],
  ['other', 'public', 'subscribe', true],
  ['other', 'public', 'comment', true],
  ['other', 'private', 'view', false],
  ['other', 'private', 'update', false],
  ['other', 'private', 'delete', false],
  ['other', 'private', 'subscribe', false],
  ['other', 'private', 'comment', false],
  ['anonymous', 'public', 'view', true],
  ['anonymous', 'public', 'update', false],
  ['anonymous', 'public', 'delete', false],
  ['anonymous', 'public', 'subscribe', false],
  ['anonymous', 'public', 'comment', false],
  ['anonymous', 'private', 'view', false],
  ['anonymous', 'private', 'update', false],
  ['anonymous', 'private', 'delete', false],
  ['anonymous', 'private', 'subscribe', false],
  ['anonymous', 'private', 'comment', false],
];

describe('the playlist policy', () => {
  it('covers every combination exactly once', () => {
    const keys = table.map(([viewer, visibility, action]) => `${viewer}/${visibility}/${action}`);
    expect(new Set(keys).size).toBe(3 * 2 * 5);
  });

  it.each(table)('%s, %s playlist, %s → %s', (viewer, visibility, action, allowed) => {
    expect(canOnPlaylist(viewerId[viewer], action, { ownerId: OWNER, visibility })).toBe(allowed);
  });

  it('lets nobody but the owner see a private playlist, whatever they try', () => {
    const actions: PlaylistAction[] = ['view', 'update', 'delete', 'subscribe', 'comment'];
    for (const viewer of [OTHER, null]) {
      expect(canViewPlaylist(viewer, { ownerId: OWNER, visibility: 'private' })).toBe(false);
      for (const action of actions) {
        expect(canOnPlaylist(viewer, action, { ownerId: OWNER, visibility: 'private' })).toBe(false);
      }
    }
  });
});
