import { describe, expect, it } from 'vitest';
import { route } from './routes';

describe('the pages by their paths', () => {
  it('finds the public catalogue and a title page, as a label QR code links them', () => {
    expect(route('/opac/thcs-an-vinh')).toEqual({ page: 'opac', schoolId: 'thcs-an-vinh' });
    expect(route('/opac/thcs-an-vinh/titles/0b6a')).toEqual({ page: 'opacTitle', schoolId: 'thcs-an-vinh', titleId: '0b6a' });
  });

  it('finds the desk, the sign-in with where to go next, the home page', () => {
    expect(route('/desk')).toEqual({ page: 'desk' });
    expect(route('/signin', '?next=/desk')).toEqual({ page: 'signin', next: '/desk' });
    expect(route('/')).toEqual({ page: 'home' });
  });

  it('finds the dashboards: a teacher’s classes, one class, the school, the authority', () => {
    expect(route('/dashboard/classes')).toEqual({ page: 'classes' });
    expect(route('/dashboard/classes/5a4')).toEqual({ page: 'classDashboard', classId: '5a4' });
    expect(route('/dashboard/school')).toEqual({ page: 'schoolDashboard' });
    expect(route('/dashboard/authority')).toEqual({ page: 'authorityDashboard' });
    expect(route('/dashboard')).toEqual({ page: 'notFound' });
    expect(route('/dashboard/classes/5a4/more')).toEqual({ page: 'notFound' });
  });

  it('shows no page for an unknown path', () => {
    expect(route('/opac')).toEqual({ page: 'notFound' });
    expect(route('/desk/more/than')).toEqual({ page: 'notFound' });
  });
});

describe("the staff's pages by their paths", () => {
  it("finds the desk's lists, the catalogue's pages, readers and a class", () => {
    expect(route('/desk/holds')).toEqual({ page: 'holdShelf' });
    expect(route('/desk/overdue')).toEqual({ page: 'overdue' });
    expect(route('/catalogue')).toEqual({ page: 'catalogue' });
    expect(route('/catalogue/titles/new')).toEqual({ page: 'titleNew' });
    expect(route('/catalogue/titles/0b6a')).toEqual({ page: 'title', titleId: '0b6a' });
    expect(route('/catalogue/imports')).toEqual({ page: 'imports' });
    expect(route('/catalogue/stocktakes/7c1')).toEqual({ page: 'stocktake', stocktakeId: '7c1' });
    expect(route('/readers')).toEqual({ page: 'readers' });
    expect(route('/readers/classes/5a4')).toEqual({ page: 'class', classId: '5a4' });
    expect(route('/readers/rollover')).toEqual({ page: 'rollover' });
  });

  it('shows no page for a path beside them', () => {
    expect(route('/desk/elsewhere')).toEqual({ page: 'notFound' });
    expect(route('/catalogue/titles')).toEqual({ page: 'notFound' });
    expect(route('/readers/classes')).toEqual({ page: 'notFound' });
  });
});
