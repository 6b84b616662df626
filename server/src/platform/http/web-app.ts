import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built single-page app, with index.html for any non-API path so that deep
 * links work. Before `npm run build` there is nothing to serve; a plain page says how.
 */
export async function mountWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      setHeaders: (res, file) => {
        // Vite fingerprints assets; index.html and the service worker must always be fresh.
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api' || url === '/health' || req.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'route_not_found', message: `No route for ${req.method} ${url}` } });
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send('<h1>Atom</h1><p>The web app is not built yet: run <code>npm run build</code> (or <code>npm start</code>).</p>');
    }
    // A missing asset file is a 404, not the app shell.
    if (/\.[a-z0-9]+$/i.test(url) && !url.endsWith('.html')) {
      return reply.code(404).send({ error: { code: 'route_not_found', message: `No file ${url}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
