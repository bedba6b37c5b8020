import { describe, expect, it } from 'vitest';
import { atTheDesk, canOpen } from './roles';
import type { Caller } from './session';

const caller = (roles: Caller['roles'], schoolId: string | null = 'th-a'): Caller =>
  ({ username: 'u', roles, schoolId, authorityId: null, classIds: [] });

describe('which pages a role sees', () => {
  it('gives the desk, the catalogue and the readers to a librarian and a school administrator', () => {
    for (const role of ['LIBRARIAN', 'SCHOOL_ADMIN'] as const) {
      expect(canOpen(caller([role]), 'desk')).toBe(true);
      expect(canOpen(caller([role]), 'catalogue')).toBe(true);
      expect(atTheDesk(caller([role]))).toBe(true);
    }
  });

  it('gives a teacher the catalogue to read and their readers, not the desk nor its actions', () => {
    expect(canOpen(caller(['TEACHER']), 'desk')).toBe(false);
    expect(canOpen(caller(['TEACHER']), 'catalogue')).toBe(true);
    expect(canOpen(caller(['TEACHER']), 'readers')).toBe(true);
    expect(atTheDesk(caller(['TEACHER']))).toBe(false);
  });

  it('gives no school page to one without a school, nor to nobody', () => {
    expect(canOpen(caller(['AUTHORITY_ADMIN'], null), 'readers')).toBe(false);
    expect(canOpen(null, 'catalogue')).toBe(false);
    expect(canOpen(null, 'opac')).toBe(true);
  });
});
