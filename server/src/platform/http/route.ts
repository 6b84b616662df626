import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { requireCsrf } from '../auth/csrf.js';
import { AppError, errors } from '../errors.js';
import { JsonText } from './json-text.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type AuthLevel = 'public' | 'user' | 'admin';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<B, Q, P, A extends AuthLevel> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  actor: A extends 'public' ? Actor | null : Actor;
  req: FastifyRequest;
  reply: FastifyReply;
  ctx: AppContext;
}

export interface RouteDef<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | null = z.ZodType | null,
  A extends AuthLevel = AuthLevel,
> {
  method: Method;
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: A;
  body?: B;
  query?: Q;
  params?: P;
  /** The success body's schema; null means 204 No Content. */
  response: R;
  /** Success status when there is a body (default 200). */
  status?: number;
  /** A body that is not JSON (e.g. text/calendar): the body schema then validates the raw string. */
  bodyContentType?: string;
  /** A response that is not JSON: the handler returns the text, sent with this content type. */
  rawResponse?: { contentType: string; description: string };
  handler(input: HandlerInput<B, Q, P, A>): Promise<R extends z.ZodType ? z.input<R> | JsonText : unknown>;
}

/** Identity function whose only job is type inference from the schemas to the handler. */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType | null = null,
  A extends AuthLevel = AuthLevel,
>(def: RouteDef<B, Q, P, R, A>): RouteDef<B, Q, P, R, A> {
  return def;
}

export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const fields = fieldsFromZod(result.error);
  const message =
    part === 'body' && value === undefined
      ? 'A JSON request body is required'
      : `Invalid ${part}: ${Object.entries(fields)
          .map(([k, v]) => (k === '_' ? v : `${k} ${v}`))
          .join('; ')}`;
  throw new AppError('validation_failed', 400, message, fields);
}

function assertContentType(req: FastifyRequest, expected: string): void {
  const given = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (given !== expected) throw new AppError('unsupported_media_type', 415, `Send the body as ${expected}`);
}

const WRITE_METHODS = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

export function mountRoute(app: FastifyInstance, ctx: AppContext, def: RouteDef): void {
  app.route({
    method: def.method,
    url: def.url,
    handler: async (req, reply) => {
      const actor = req.actor;
      if (def.auth !== 'public' && !actor) throw errors.unauthenticated();
      if (def.auth === 'admin' && actor?.user.role !== 'admin') throw errors.forbidden('Only the administrator can do this');
      if (actor?.via === 'session' && WRITE_METHODS.has(def.method)) requireCsrf(req, ctx);
      // A non-JSON body is accepted only by the routes that declare it.
      if (def.bodyContentType) assertContentType(req, def.bodyContentType);
      const input = {
        params: parsePart(def.params, req.params, 'path parameters'),
        query: parsePart(def.query, req.query, 'query'),
        body: parsePart(def.body, req.body, 'body'),
        actor,
        req,
        reply,
        ctx,
      };
      const result = await def.handler(input);
      if (def.rawResponse) return reply.code(200).type(def.rawResponse.contentType).send(result);
      if (def.response === null) return reply.code(204).send();
      // Presenting through the contract strips anything the handler did not mean to expose.
      // A handler may pick another status itself (readiness answers 503 with its usual body).
      const status = reply.statusCode !== 200 ? reply.statusCode : (def.status ?? 200);
      if (result instanceof JsonText) return reply.code(status).type('application/json; charset=utf-8').send(result.text);
      return reply.code(status).send(def.response.parse(result));
    },
  });
}
