import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../../log/index.ts';

/** Everything under this prefix answers in JSON, errors included: its clients are programs. */
export const API_PREFIX = '/api/v1';

export function isApiPath(path: string): boolean {
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}

/**
 * An error the client can fix, with a stable `code` for programs and an English `message` for the
 * person writing them. The body is always `{ error: { code, message } }`.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ContentfulStatusCode = 400,
  ) {
    super(message);
  }
}

export function apiErrorResponse(c: Context, err: ApiError): Response {
  return c.json({ error: { code: err.code, message: err.message } }, err.status);
}

/** An /api/v1 path that no route serves. */
export function apiNotFound(c: Context): Response {
  return apiErrorResponse(c, new ApiError('not_found', `No such endpoint: ${c.req.method} ${c.req.path}. The endpoints are listed in ${API_PREFIX}/openapi.json.`, 404));
}

/** The API's error handler: client errors as they are, anything else logged and hidden behind a 500. */
export function apiFailure(c: Context, err: unknown, log: Logger): Response {
  if (err instanceof ApiError) return apiErrorResponse(c, err);
  log('error', 'http_error', { path: c.req.path, error: err instanceof Error ? err.message : String(err) });
  return apiErrorResponse(c, new ApiError('internal', 'The server failed to answer; try again shortly.', 500));
}
