// The page a path shows (history routing; the server answers each page's path with index.html).

export type Route =
  | { page: 'home' }
  | { page: 'signin'; next: string | null }
  | { page: 'desk' }
  | { page: 'opac'; schoolId: string }
  | { page: 'opacTitle'; schoolId: string; titleId: string }
  | { page: 'classes' }
  | { page: 'classDashboard'; classId: string }
  | { page: 'schoolDashboard' }
  | { page: 'authorityDashboard' }
  | { page: 'notFound' };

/** The page a path shows. */
export function route(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home' };
  if (parts[0] === 'signin' && parts.length === 1) return { page: 'signin', next: new URLSearchParams(search).get('next') };
  if (parts[0] === 'desk' && parts.length === 1) return { page: 'desk' };
  if (parts[0] === 'opac' && parts.length === 2) return { page: 'opac', schoolId: parts[1] };
  if (parts[0] === 'opac' && parts.length === 4 && parts[2] === 'titles') {
    return { page: 'opacTitle', schoolId: parts[1], titleId: parts[3] };
  }
  if (parts[0] === 'dashboard') return dashboard(parts.slice(1));
  return { page: 'notFound' };
}

/** The dashboards, under /dashboard: a teacher's classes, one class, the school, the authority. */
function dashboard(parts: string[]): Route {
  if (parts.length === 1 && parts[0] === 'classes') return { page: 'classes' };
  if (parts.length === 2 && parts[0] === 'classes') return { page: 'classDashboard', classId: parts[1] };
  if (parts.length === 1 && parts[0] === 'school') return { page: 'schoolDashboard' };
  if (parts.length === 1 && parts[0] === 'authority') return { page: 'authorityDashboard' };
  return { page: 'notFound' };
}
