import { describe, expect, it } from 'vitest';
import { canOpen } from './roles';
import type { Caller, Role } from './session';

const caller = (roles: Role[], schoolId: string | null, authorityId: string | null = null): Caller =>
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
});
