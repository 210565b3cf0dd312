import type { components } from './schema';

export type ErrorEnvelope = components['schemas']['Error'];
export type FieldError = { field: string; message: string };

/**
 * ApiError is what every failed request becomes: the HTTP status and the server's error
 * envelope (`code`, `message` in the request's language, and `fields`). A request that never
 * reached the server has status 0 and code `network`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly requestId?: string;
  readonly retryAfter?: number;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    fields?: FieldError[];
    requestId?: string;
    retryAfter?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const err = (body as { error: unknown }).error;
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string';
}

/** toApiError reads the server's envelope; anything else becomes a generic error of that status. */
export function toApiError(response: Response, body: unknown, fallbackMessage: string): ApiError {
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (isEnvelope(body)) {
    return new ApiError({
      status: response.status,
      code: body.error.code,
      message: body.error.message || fallbackMessage,
      fields: body.error.fields ?? [],
      requestId: body.error.request_id,
      retryAfter,
    });
  }
  return new ApiError({ status: response.status, code: codeForStatus(response.status), message: fallbackMessage, retryAfter });
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'validation_failed';
    case 429:
      return 'locked';
    case 503:
      return 'unavailable';
    default:
      return 'internal';
  }
}
