import { ApiError, unwrap } from '../../lib/api.ts';
import { retryAfterSeconds } from './retry-after.ts';

/** A 429: the server's error, with how long it asked us to wait (when it said). */
export class RateLimitedError extends ApiError {
  constructor(
    error: ApiError,
    readonly retryAfter: number | null,
  ) {
    super(error.status, error.code, error.message, error.fields);
    this.name = 'RateLimitedError';
  }
}

/** Like unwrap, but a 429 keeps its Retry-After (comments and reports are rate limited). */
export async function unwrapLimited<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 429) throw error;
    const { response } = await call;
    throw new RateLimitedError(error, retryAfterSeconds(response.headers.get('retry-after'), Date.now()));
  }
}
