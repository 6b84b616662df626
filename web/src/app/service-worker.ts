/**
 * Registers web/public/sw.js, which keeps the app shell for offline start. Only in production
 * builds: in `vite dev` a cached shell would hide code changes.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      console.warn('Atom: the offline cache could not be set up', error);
    });
  });
}
