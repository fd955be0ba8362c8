import { describe, expect, it } from 'vitest';
import { isStaff } from './staff.ts';

describe('staff', () => {
  it('are moderators and admins', () => {
    expect(['listener', 'musician', 'moderator', 'admin', undefined].map(isStaff)).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});
