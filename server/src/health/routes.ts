import { Readiness } from '@atom/contracts';
import { route, type RouteDef } from '../platform/http/route.js';
import { VERSION } from '../version.js';

export const healthRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: '/api/v1/health',
    summary: 'Readiness: answers 200 when the database answers, 503 otherwise',
    tags: ['Health'],
    auth: 'public',
    response: Readiness,
    handler: async ({ ctx, reply }) => {
      const dialect = ctx.database.dialect;
      try {
        const latencyMs = Math.round((await ctx.database.ping()) * 100) / 100;
        return { status: 'ok' as const, database: { dialect, ok: true, latencyMs }, version: VERSION };
      } catch (err) {
        ctx.logger.error({ err }, 'readiness check failed');
        reply.code(503);
        return { status: 'unavailable' as const, database: { dialect, ok: false, latencyMs: -1 }, version: VERSION };
      }
    },
  }),
];
