/**
 * The one error vocabulary of the server. Throw these; the HTTP layer turns them into
 * `{"error":{"code","message","fields"}}` in exactly one place (http/error-handler.ts).
 */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'bad_request'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'signup_closed'
  | 'invite_required'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  validation: (fields: Record<string, string>, message = 'Some fields are invalid') =>
    new AppError('validation_failed', 400, message, fields),
  field: (field: string, problem: string) =>
    new AppError('validation_failed', 400, `${field}: ${problem}`, { [field]: problem }),
  unauthenticated: (message = 'Sign in to continue') => new AppError('unauthenticated', 401, message),
  forbidden: (message = 'You are not allowed to do this') => new AppError('forbidden', 403, message),
  notFound: (what = 'Resource') => new AppError('not_found', 404, `${what} not found`),
  conflict: (message: string, fields?: Record<string, string>) => new AppError('conflict', 409, message, fields),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError('rate_limited', 429, `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, undefined, {
      'retry-after': String(retryAfterSeconds),
    }),
};
