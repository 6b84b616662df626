import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { installAuthentication } from './platform/auth/authenticate.js';
import { mountApiDocs } from './platform/http/api-docs.js';
import { installErrorHandler, sendError } from './platform/http/error-handler.js';
import { buildOpenApi } from './platform/http/openapi.js';
import { mountRoute } from './platform/http/route.js';
import { mountWebApp } from './platform/http/web-app.js';
import { apiRoutes } from './routes.js';

/** Builds the HTTP app around an already-open context. Tests build it the same way. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    // pino's Logger is what Fastify uses inside; only the generic parameter differs.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: ctx.config.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any hook (bad URL encoding, overlong params) get the same JSON shape.
    frameworkErrors: (err, req, reply) => void sendError(err, req, reply),
  });

  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
  });

  installErrorHandler(app);
  // The API speaks JSON only; a text body is a client mistake (415), not a string to validate.
  app.removeContentTypeParser('text/plain');
  // Calendar imports (.ics) are text; routes that accept them say so (bodyContentType).
  app.addContentTypeParser('text/calendar', { parseAs: 'string', bodyLimit: ctx.config.importLimit }, (_req, body, done) => {
    done(null, body);
  });
  // Exchange-rate imports (and other CSV uploads) are text too; guarded so a second registration elsewhere cannot clash.
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: ctx.config.importLimit }, (_req, body, done) => {
      done(null, body);
    });
  }
  await app.register(fastifyCookie);
  // Bank-file imports are uploads; each route reads them with its own size cap (readUpload).
  await app.register(fastifyMultipart, { throwFileSizeLimit: true });
  installAuthentication(app, ctx);

  app.get('/health', async () => ({ status: 'ok' }));
  for (const def of apiRoutes) mountRoute(app, ctx, def);

  let openapi: Record<string, unknown> | undefined;
  mountApiDocs(app, () => (openapi ??= buildOpenApi(apiRoutes, ctx.config.publicUrl)));
  await mountWebApp(app, ctx.config.webDistDir);
  return app;
}
