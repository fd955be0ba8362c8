import { createResonanceClient, type paths } from '@resonance/sdk';
import { CSRF_COOKIE, readCookie } from './csrf-cookie.ts';

/** Every path of the API, generated from the server's OpenAPI document. */
export type ApiPaths = paths;

let csrfFromResponse: string | undefined;

/** Remember the token a login or /me answered with (the cookie is the primary source). */
export function rememberCsrfToken(token: string | undefined): void {
  csrfFromResponse = token;
}

/**
 * The one configured API client: same origin, the session cookie, and the CSRF token on every
 * write (the SDK adds the header to non-GET requests).
 */
export const api = createResonanceClient({
  baseUrl: '',
  credentials: 'include',
  csrfToken: () => readCookie(document.cookie, CSRF_COOKIE) ?? csrfFromResponse,
});

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

/** A failed API call: the HTTP status and the server's error code (or `network_error`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Turns an openapi-fetch result into its data, or throws an ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T;
  const body = result.error;
  if (isErrorBody(body)) {
    throw new ApiError(result.response.status, body.error.code, body.error.message, body.error.fields);
  }
  throw new ApiError(result.response.status, 'http_error', result.response.statusText);
}
