import type { ErrorBody } from '@atom/contracts';

/** An API answer that was not 2xx, in the server's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.fields ?? {});
  }
  // A proxy in front of the server may refuse a large upload before Atom sees it.
  if (res.status === 413) return new ApiError(413, 'too_large', 'The file is larger than this server accepts.');
  return new ApiError(res.status, 'http_error', `The server answered ${res.status} ${res.statusText}`.trim());
}

/**
 * The one way the web app talks to the server: same-origin, cookie session, and the
 * double-submit CSRF header (the readable `atom_csrf` cookie echoed back) on every write.
 */
async function send<T>(method: Method, path: string, body?: { data: BodyInit; contentType?: string }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData sets its own multipart content type (with the boundary).
  if (body?.contentType) headers['content-type'] = body.contentType;
  if (method !== 'GET') {
    const csrf = readCookie('atom_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', ...(body ? { body: body.data } : {}) });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Atom server. Check your connection and try again.');
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A JSON request (or none) and its JSON answer. */
export function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body !== undefined ? { data: JSON.stringify(body), contentType: 'application/json' } : undefined);
}

/** A body sent as it is: a CSV or .ics text with its content type, or a multipart form (file uploads). */
export function apiUpload<T>(path: string, data: string | FormData, contentType?: string): Promise<T> {
  return send<T>('POST', path, { data, ...(contentType ? { contentType } : {}) });
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
