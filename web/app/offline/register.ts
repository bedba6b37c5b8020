// Installs the offline desk's service worker (public/desk-sw.js) for the desk's pages.
export function registerOfflineDesk(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/desk-sw.js', { scope: '/desk' }).catch(() => {
    // without it the desk still works online; only the offline start is lost
  });
}
