import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors.js';

interface ErrorJson {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'The request body is empty but the content type says JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the request body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'The Content-Length header does not match the body' },
};

/** The one place where errors become HTTP responses. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorJson; headers?: Record<string, string> } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } },
      ...(err.headers ? { headers: err.headers } : {}),
    };
  }
  const fe = err as Partial<FastifyError> & { status?: number };
  const status = fe.statusCode ?? fe.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (known) return { status, body: { error: known } };
    if (err instanceof SyntaxError) return { status: 400, body: { error: { code: 'invalid_json', message: 'The request body is not valid JSON' } } };
    return { status, body: { error: { code: 'bad_request', message: fe.message ?? 'Bad request' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged' } } };
}

export function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, headers } = toErrorResponse(err);
  if (status >= 500) req.log.error({ err }, 'request failed');
  else req.log.info({ code: body.error.code, status }, 'request rejected');
  if (headers) void reply.headers(headers);
  return reply.code(status).type('application/json').send(body);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
}
