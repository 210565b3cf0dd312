import createClient, { type Middleware } from 'openapi-fetch';
import i18n, { currentLanguage } from '@/lib/i18n';
import { ApiError, toApiError } from './errors';
import type { paths } from './schema';

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** setUnauthorizedHandler names what a 401 on any call (other than signing in) does. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler) {
  onUnauthorized = handler;
}

// Signing in answers 401 for wrong credentials: that is the form's business, not a lost session.
const NO_REDIRECT_ON_401 = ['/api/v1/auth/login'];

const languageAndSession: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401) {
      const path = new URL(request.url).pathname;
      if (!NO_REDIRECT_ON_401.includes(path)) onUnauthorized();
    }
    return undefined;
  },
};

/**
 * api is the one typed client for the contract in ../api/openapi.yaml. It is same-origin (the
 * session cookie rides along; no token is ever visible to the SPA) and it speaks the UI language.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // Looked up on each call so that tests can stub the global fetch.
  fetch: (request) => globalThis.fetch(request),
});
api.use(languageAndSession);

/**
 * Page is a list's answer (`{items, total, page, page_size}`) with the type of its items, for an
 * operation that also answers a file (format=xlsx): its JSON has to be named, and the contract's
 * own Page types the items as unknown.
 */
export type Page<T> = { items: T[]; total: number; page: number; page_size: number };

type Result<T> = { data?: T; error?: unknown; response: Response };

/**
 * unwrap turns an openapi-fetch result into its data, or throws an ApiError carrying the
 * server's code, message and field errors.
 */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError({ status: 0, code: 'network', message: i18n.t('errors.network') });
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw toApiError(response, error, i18n.t('errors.unexpected', { status: response.status }));
  }
  return data as T;
}
