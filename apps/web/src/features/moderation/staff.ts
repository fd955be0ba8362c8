/** Moderators and admins look after the community: the report queue, removals, the audit log. */
export function isStaff(role: string | undefined): boolean {
  return role === 'moderator' || role === 'admin';
}
