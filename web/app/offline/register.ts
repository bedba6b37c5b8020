// Installs the offline desk's service worker (public/desk-sw.js) for the desk's pages, and names
// to it the files this page loaded before it took control, so that the desk opens from its cache.
export function registerOfflineDesk(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/desk-sw.js', { scope: '/desk' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ cache: loadedFiles() }))
    .catch(() => {
      // without it the desk still works online; only the offline start is lost
    });
}

/** The scripts, styles and icon this page has loaded so far (the worker keeps the build's files among them). */
function loadedFiles(): string[] {
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  const linked = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')]
    .map((element) => ('src' in element ? element.src : element.href));
  return [...new Set([...loaded, ...linked])];
}
