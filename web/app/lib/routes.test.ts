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

  it('shows no page for an unknown path', () => {
    expect(route('/opac')).toEqual({ page: 'notFound' });
    expect(route('/desk/more/than')).toEqual({ page: 'notFound' });
  });
});
