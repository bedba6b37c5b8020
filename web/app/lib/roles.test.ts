import { describe, expect, it } from 'vitest';
import { atTheDesk, canOpen } from './roles';
import type { Caller, Role } from './session';

const caller = (roles: Role[], schoolId: string | null = 'th-a', authorityId: string | null = null): Caller =>
  ({ username: 'u', roles, schoolId, authorityId, classIds: [] });

describe('which pages a caller is shown', () => {
  it('shows a teacher their classes’ dashboard, not the desk nor the school’s', () => {
    const teacher = caller(['TEACHER'], 'th-an-vinh');
    expect(canOpen(teacher, 'classDashboard')).toBe(true);
    expect(canOpen(teacher, 'schoolDashboard')).toBe(false);
    expect(canOpen(teacher, 'desk')).toBe(false);
    expect(canOpen(teacher, 'authorityDashboard')).toBe(false);
  });

  it('shows a school administrator the school’s dashboard and the desk', () => {
    const admin = caller(['SCHOOL_ADMIN'], 'th-an-vinh');
    expect(canOpen(admin, 'schoolDashboard')).toBe(true);
    expect(canOpen(admin, 'classDashboard')).toBe(true);
    expect(canOpen(admin, 'desk')).toBe(true);
  });

  it('shows an authority’s officer its dashboard only', () => {
    const officer = caller(['AUTHORITY_ADMIN'], null, 'xa-an-vinh');
    expect(canOpen(officer, 'authorityDashboard')).toBe(true);
    expect(canOpen(officer, 'schoolDashboard')).toBe(false);
    expect(canOpen(officer, 'classDashboard')).toBe(false);
    expect(canOpen(null, 'authorityDashboard')).toBe(false);
  });

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

  it('gives the year’s rollover to the school administrator only, as the API does', () => {
    expect(canOpen(caller(['SCHOOL_ADMIN']), 'rollover')).toBe(true);
    expect(canOpen(caller(['LIBRARIAN']), 'rollover')).toBe(false);
    expect(canOpen(caller(['TEACHER']), 'rollover')).toBe(false);
    expect(canOpen(caller(['AUTHORITY_ADMIN'], null, 'xa-a'), 'rollover')).toBe(false);
  });

  it('gives no school page to one without a school, nor to nobody', () => {
    expect(canOpen(caller(['AUTHORITY_ADMIN'], null), 'readers')).toBe(false);
    expect(canOpen(null, 'catalogue')).toBe(false);
    expect(canOpen(null, 'opac')).toBe(true);
  });
});
