// Atom's service worker: keeps the app shell so Atom starts offline. Hand-written on purpose:
// it does only this. API answers are never cached (they are private and must be fresh).
const CACHE = 'atom-shell-v1';
const SHELL = ['/', '/manifest.webmanifest', '/color-scheme.js', '/icons/icon.svg', '/icons/icon-192.png'];

/** The hashed /assets/ files that index.html references: the rest of the shell. */
function assetsIn(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

/** Caches index.html and exactly the assets it needs; drops assets of older builds. */
async function refreshShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsIn(html);
  await cache.put('/', response.clone());
  await Promise.all(
    assets.map(async (url) => {
      if (!(await cache.match(url))) await cache.add(url);
    }),
  );
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL.filter((url) => url !== '/'));
      await refreshShell(await fetch('/', { cache: 'no-cache' }));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function isPrivate(url) {
  return url.pathname.startsWith('/api/') || url.pathname === '/api' || url.pathname.startsWith('/health');
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Only this origin's GETs; the API and health checks always go to the network untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin || isPrivate(url)) return;

  if (request.mode === 'navigate') {
    // Network first so a new version shows at once; the cached shell when offline.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
            event.waitUntil(refreshShell(response.clone()).catch(() => undefined));
          }
          return response;
        } catch {
          const cached = await caches.match('/');
          return cached ?? Response.error();
        }
      })(),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    // Fingerprinted: a file at a given name never changes, so the cache can always answer.
    event.respondWith(
      (async () => {
        const cached = await caches.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
        return response;
      })(),
    );
    return;
  }

  if (SHELL.includes(url.pathname)) {
    // Fixed names (manifest, icons): answer from the cache, refresh it in the background.
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        const cached = await cache.match(request);
        const fresh = fetch(request).then(async (response) => {
          if (response.ok) await cache.put(request, response.clone());
          return response;
        });
        if (cached) {
          event.waitUntil(fresh.catch(() => undefined));
          return cached;
        }
        return fresh;
      })(),
    );
  }
});
