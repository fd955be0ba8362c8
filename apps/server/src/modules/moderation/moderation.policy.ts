import type { Role } from '../../db/schema.ts';

/**
 * Staff powers: moderators and admins review reports, remove comments and read the audit
 * log. Listeners and musicians have none of them.
 */
export type StaffAction = 'viewReports' | 'resolveReports' | 'removeComment' | 'viewAudit';

const STAFF: ReadonlySet<Role> = new Set<Role>(['moderator', 'admin']);

export function isStaff(role: Role): boolean {
  return STAFF.has(role);
}

export function canModerate(role: Role, _action: StaffAction): boolean {
  return isStaff(role);
}
