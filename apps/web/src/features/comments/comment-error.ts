import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { errorMessage } from '../auth/error-message.ts';
import { RateLimitedError } from './rate-limited.ts';

/** A failed comment action in words: "try again in 42 s" for a 429, else by error code. */
export function commentErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof RateLimitedError && error.retryAfter !== null)
    return t('comments.errors.rateLimited', { seconds: error.retryAfter });
  if (error instanceof ApiError) {
    const key = `comments.errors.${error.code}`;
    const translated = t(key);
    if (translated !== key) return translated;
  }
  return errorMessage(error, t);
}
