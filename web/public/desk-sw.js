// The offline desk's service worker: the desk page opens without the server once it has been
// loaded. The page (index.html) is asked of the network first and taken from the cache when the
// network fails; the build's files are named by their content, so a cached one never goes stale.
// The files the page loaded before this worker took control are named to it by the page
// (app/offline/register.ts): Vite's names are hashed, so no list of them can be written here.
// The API is never cached: the desk records what it does while offline (app/offline/queue.ts).
const CACHE = 'motsach-desk-v2';
const SHELL = ['/desk', '/favicon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

/** The build's files: hashed bundles and the icon; the page, the API and this worker are not. */
function buildFile(url) {
  return url.origin === self.location.origin && (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg');
}

self.addEventListener('message', (event) => {
  const urls = (event.data && event.data.cache) || [];
  const wanted = urls.map((url) => new URL(url, self.location.origin)).filter(buildFile);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(wanted.map((url) => cache.match(url)
    .then((cached) => cached || cache.add(url).catch(() => undefined)))))
    .then(() => event.source && event.source.postMessage({ cached: wanted.length })));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request)
      .then((response) => {
        const copy = response.clone();
        if (response.ok) caches.open(CACHE).then((cache) => cache.put('/desk', copy));
        return response;
      })
      .catch(() => caches.match('/desk').then((cached) => cached || Response.error())));
    return;
  }
  if (buildFile(url)) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request).then((response) => {
      const copy = response.clone();
      if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, copy));
      return response;
    })));
  }
});
