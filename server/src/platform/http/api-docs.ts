import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Atom API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
  <style>body{margin:0} .swagger-ui .topbar{display:none}</style>
</head>
<body>
  <div id="reference"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true, persistAuthorization: true });`;

const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'application/javascript; charset=utf-8'],
]);

/** A browsable reference at /api/docs, served from the installed package: no CDN needed offline. */
export function mountApiDocs(app: FastifyInstance, openapi: () => unknown): void {
  const dir = getAbsoluteFSPath();
  app.get('/api/openapi.json', async () => openapi());
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get('/api/docs/init.js', async (_req, reply) => reply.type('application/javascript; charset=utf-8').send(INIT));
  app.get<{ Params: { file: string } }>('/api/docs/assets/:file', async (req, reply) => {
    const type = ASSETS.get(req.params.file);
    if (!type) return reply.callNotFound();
    reply.header('cache-control', 'public, max-age=86400');
    return reply.type(type).send(fs.createReadStream(path.join(dir, req.params.file)));
  });
}
