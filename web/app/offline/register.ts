// Installs the offline desk's service worker (public/desk-sw.js) for the desk's pages, and names
// to it the files this page loaded before it took control, so that the desk opens from its cache.
export function registerOfflineDesk(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/desk-sw.js', { scope: '/desk' })
    .then(activeWorker)
    .then((worker) => worker.postMessage({ cache: loadedFiles() }))
    .catch(() => {
      // without it the desk still works online; only the offline start is lost
    });
}

/**
 * The registration's worker once it is active. Not `navigator.serviceWorker.ready`: that waits for
 * a worker of the page's first address, and a desk reached from the sign-in page was first
 * /signin, outside the worker's scope.
 */
function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  if (registration.active) return Promise.resolve(registration.active);
  const coming = registration.installing ?? registration.waiting;
  if (!coming) return Promise.reject(new Error('no worker'));
  return new Promise((resolve, reject) => coming.addEventListener('statechange', () => {
    if (coming.state === 'activated') resolve(coming);
    else if (coming.state === 'redundant') reject(new Error('the worker was replaced'));
  }));
}

/** The scripts, styles and icon this page has loaded so far (the worker keeps the build's files among them). */
function loadedFiles(): string[] {
  const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
  const linked = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[href]')]
    .map((element) => ('src' in element ? element.src : element.href));
  return [...new Set([...loaded, ...linked])];
}
