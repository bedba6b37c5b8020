// Which pages a caller sees; the API enforces the same rules on every call.
import type { Caller, Role } from './session';

export type Page = 'desk' | 'opac' | 'classDashboard' | 'schoolDashboard' | 'authorityDashboard';

export function canOpen(caller: Caller | null, page: Page): boolean {
  if (page === 'opac') return true;
  if (page === 'classDashboard') return hasSchoolRole(caller, 'TEACHER', 'LIBRARIAN', 'SCHOOL_ADMIN');
  if (page === 'schoolDashboard') return hasSchoolRole(caller, 'SCHOOL_ADMIN');
  if (page === 'authorityDashboard') return !!caller?.authorityId && caller.roles.includes('AUTHORITY_ADMIN');
  return hasSchoolRole(caller, 'LIBRARIAN', 'SCHOOL_ADMIN');
}

function hasSchoolRole(caller: Caller | null, ...roles: Role[]): boolean {
  return !!caller && !!caller.schoolId && caller.roles.some((role) => roles.includes(role));
}
