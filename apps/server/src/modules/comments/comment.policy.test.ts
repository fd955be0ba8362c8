import { describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import type { CommentStatus } from '../../db/tables/comments.ts';
import { canModerate, type StaffAction } from '../moderation/moderation.policy.ts';
import { canOnComment, commentAbilities, type CommentAction } from './comment.policy.ts';

type Whose = 'own' | 'other';
const viewerId = '00000000-0000-4000-8000-000000000001';
const otherId = '00000000-0000-4000-8000-000000000002';

function can(role: Role, action: CommentAction, whose: Whose, status: CommentStatus = 'visible') {
  return canOnComment({ id: viewerId, role }, action, {
    authorId: whose === 'own' ? viewerId : otherId,
    status,
  });
}

// role, action, whose comment → allowed (on a visible comment)
const onVisible: [Role, CommentAction, Whose, boolean][] = [
  ['listener', 'delete', 'own', true],
  ['listener', 'delete', 'other', false],
  ['listener', 'remove', 'own', false],
  ['listener', 'remove', 'other', false],
  ['listener', 'report', 'own', false],
  ['listener', 'report', 'other', true],
  ['listener', 'hug', 'own', false],
  ['listener', 'hug', 'other', true],
  ['listener', 'like', 'own', true],
  ['listener', 'like', 'other', true],
  ['listener', 'reply', 'other', true],
  ['listener', 'readBody', 'other', true],
  ['listener', 'seeHugCount', 'own', true],
  ['listener', 'seeHugCount', 'other', false],
  ['musician', 'delete', 'other', false],
  ['musician', 'remove', 'other', false],
  ['musician', 'seeHugCount', 'other', false],
  ['moderator', 'delete', 'own', true],
  ['moderator', 'delete', 'other', false],
  ['moderator', 'remove', 'own', true],
  ['moderator', 'remove', 'other', true],
  ['moderator', 'report', 'other', true],
  ['moderator', 'report', 'own', false],
  ['moderator', 'seeHugCount', 'other', false],
  ['admin', 'delete', 'other', false],
  ['admin', 'remove', 'other', true],
  ['admin', 'report', 'other', true],
  ['admin', 'hug', 'other', true],
  ['admin', 'seeHugCount', 'own', true],
  ['admin', 'seeHugCount', 'other', false],
];

// Nothing but the author's own hug count survives a deletion or removal.
const onGone: [Role, CommentAction, Whose, boolean][] = [
  ['listener', 'delete', 'own', false],
  ['listener', 'like', 'other', false],
  ['listener', 'hug', 'other', false],
  ['listener', 'reply', 'other', false],
  ['listener', 'report', 'other', false],
  ['listener', 'readBody', 'own', false],
  ['moderator', 'readBody', 'other', false],
  ['admin', 'readBody', 'other', false],
  ['admin', 'remove', 'other', false],
  ['listener', 'seeHugCount', 'own', true],
  ['admin', 'seeHugCount', 'other', false],
];

// role, staff action → allowed
const staff: [Role, StaffAction, boolean][] = [
  ['listener', 'viewReports', false],
  ['listener', 'resolveReports', false],
  ['listener', 'viewAudit', false],
  ['listener', 'removeComment', false],
  ['musician', 'viewReports', false],
  ['musician', 'viewAudit', false],
  ['moderator', 'viewReports', true],
  ['moderator', 'resolveReports', true],
  ['moderator', 'viewAudit', true],
  ['moderator', 'removeComment', true],
  ['admin', 'viewReports', true],
  ['admin', 'resolveReports', true],
  ['admin', 'viewAudit', true],
  ['admin', 'removeComment', true],
];

describe('comment policy', () => {
  it.each(onVisible)('%s may %s a visible comment (%s): %s', (role, action, whose, allowed) => {
    expect(can(role, action, whose)).toBe(allowed);
  });

  describe.each(['deleted', 'removed'] as const)('once %s', (status) => {
    it.each(onGone)('%s may %s it (%s): %s', (role, action, whose, allowed) => {
      expect(can(role, action, whose, status)).toBe(allowed);
    });
  });

  it.each(staff)('%s may %s: %s', (role, action, allowed) => {
    expect(canModerate(role, action)).toBe(allowed);
  });

  it('answers abilities from the same rules', () => {
    const other = { authorId: otherId, status: 'visible' as const };
    expect(commentAbilities({ id: viewerId, role: 'listener' }, other)).toEqual({
      delete: false,
      remove: false,
      report: true,
    });
    expect(commentAbilities({ id: viewerId, role: 'moderator' }, other)).toEqual({
      delete: false,
      remove: true,
      report: true,
    });
    expect(commentAbilities({ id: otherId, role: 'listener' }, other)).toEqual({
      delete: true,
      remove: false,
      report: false,
    });
  });
});
