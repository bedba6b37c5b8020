// History routing: the server answers every page's path with index.html, the page is chosen here.
import { signal } from './signal';

export const path = signal<string>(location.pathname);

window.addEventListener('popstate', () => path.set(location.pathname));

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  path.set(location.pathname);
  window.scrollTo(0, 0);
}

/** A click on a link of the app: the router follows it without reloading the page. */
export function follow(event: MouseEvent): void {
  const link = (event.currentTarget as HTMLAnchorElement | null);
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute('href') ?? '/');
}

export { route } from './routes';
export type { Route } from './routes';
