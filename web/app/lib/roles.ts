// Which pages and actions a caller sees; the API enforces the same rules on every call.
import type { Caller, Role } from './session';

export type Page = 'desk' | 'opac' | 'catalogue' | 'readers' | 'rollover' | 'classDashboard' | 'schoolDashboard' | 'authorityDashboard';

/** The desk's work (circulation, cataloguing, imports, stocktaking): a librarian or the school's administrator. */
export function atTheDesk(caller: Caller | null): boolean {
  return hasSchoolRole(caller, 'LIBRARIAN', 'SCHOOL_ADMIN');
}

function hasSchoolRole(caller: Caller | null, ...roles: Role[]): boolean {
  return !!caller && !!caller.schoolId && caller.roles.some((role) => roles.includes(role));
}

/** A school's staff, teachers too: the catalogue to read, their classes' readers and activities. */
export function schoolStaff(caller: Caller | null): boolean {
  return atTheDesk(caller) || (!!caller && !!caller.schoolId && caller.roles.includes('TEACHER'));
}

export function canOpen(caller: Caller | null, page: Page): boolean {
  switch (page) {
    case 'opac':
      return true;
    case 'desk':
      return atTheDesk(caller);
    case 'catalogue':
    case 'readers':
      return schoolStaff(caller);
    case 'classDashboard':
      return hasSchoolRole(caller, 'TEACHER', 'LIBRARIAN', 'SCHOOL_ADMIN');
    case 'schoolDashboard':
    case 'rollover':
      // the year's rollover is the school administrator's alone (CommandAccessRules: ONLY_SCHOOL_ADMIN)
      return hasSchoolRole(caller, 'SCHOOL_ADMIN');
    case 'authorityDashboard':
      return !!caller?.authorityId && caller.roles.includes('AUTHORITY_ADMIN');
  }
}
