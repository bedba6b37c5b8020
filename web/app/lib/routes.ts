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
  | { page: 'holdShelf' }
  | { page: 'overdue' }
  | { page: 'catalogue' }
  | { page: 'titleNew' }
  | { page: 'title'; titleId: string }
  | { page: 'imports' }
  | { page: 'stocktakes' }
  | { page: 'stocktake'; stocktakeId: string }
  | { page: 'readers' }
  | { page: 'class'; classId: string }
  | { page: 'rollover' }
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
  return staffRoute(parts) ?? { page: 'notFound' };
}

/** The dashboards, under /dashboard: a teacher's classes, one class, the school, the authority. */
function dashboard(parts: string[]): Route {
  if (parts.length === 1 && parts[0] === 'classes') return { page: 'classes' };
  if (parts.length === 2 && parts[0] === 'classes') return { page: 'classDashboard', classId: parts[1] };
  if (parts.length === 1 && parts[0] === 'school') return { page: 'schoolDashboard' };
  if (parts.length === 1 && parts[0] === 'authority') return { page: 'authorityDashboard' };
  return { page: 'notFound' };
}

/** The staff's pages: the desk's lists, the catalogue's upkeep, readers and classes. */
function staffRoute(parts: string[]): Route | null {
  const [first, second, third] = parts;
  if (first === 'desk' && parts.length === 2) {
    if (second === 'holds') return { page: 'holdShelf' };
    if (second === 'overdue') return { page: 'overdue' };
  }
  if (first === 'catalogue') {
    if (parts.length === 1) return { page: 'catalogue' };
    if (parts.length === 2 && second === 'imports') return { page: 'imports' };
    if (parts.length === 2 && second === 'stocktakes') return { page: 'stocktakes' };
    if (parts.length === 3 && second === 'stocktakes') return { page: 'stocktake', stocktakeId: third };
    if (parts.length === 3 && second === 'titles') return third === 'new' ? { page: 'titleNew' } : { page: 'title', titleId: third };
  }
  if (first === 'readers') {
    if (parts.length === 1) return { page: 'readers' };
    if (parts.length === 2 && second === 'rollover') return { page: 'rollover' };
    if (parts.length === 3 && second === 'classes') return { page: 'class', classId: third };
  }
  return null;
}
