// The page a path shows (history routing; the server answers each page's path with index.html).

export type Route =
  | { page: 'home' }
  | { page: 'signin'; next: string | null }
  | { page: 'desk' }
  | { page: 'opac'; schoolId: string }
  | { page: 'opacTitle'; schoolId: string; titleId: string }
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
  return { page: 'notFound' };
}
