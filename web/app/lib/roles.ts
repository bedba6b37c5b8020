// Which pages a caller sees; the API enforces the same rules on every call.
import type { Caller } from './session';

export type Page = 'desk' | 'opac';

export function canOpen(caller: Caller | null, page: Page): boolean {
  if (page === 'opac') return true;
  return !!caller && !!caller.schoolId && caller.roles.some((role) => role === 'LIBRARIAN' || role === 'SCHOOL_ADMIN');
}
