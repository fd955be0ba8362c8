import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { commentErrorMessage } from './comment-error.ts';
import { RateLimitedError, unwrapLimited } from './rate-limited.ts';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve({
    data: status < 400 ? body : undefined,
    error: status >= 400 ? body : undefined,
    response: new Response(null, { status, headers }),
  });

const limited = { error: { code: 'rate_limited', message: 'Too many requests, retry in 42 s' } };

/** A stand-in for i18next's t over a few strings (an unknown key comes back as itself). */
const strings: Record<string, string> = {
  'comments.errors.rateLimited': 'wait {{seconds}} s',
  'comments.errors.comment_not_found': 'this comment is gone',
  'errors.rate_limited': 'slow down',
};
const t = ((key: string, values: Record<string, unknown> = {}) =>
  (strings[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    String(values[name]),
  )) as unknown as TFunction;

describe('a rate-limited comment', () => {
  it('keeps how long the server asked to wait', async () => {
    const error = await unwrapLimited(answer(429, limited, { 'retry-after': '42' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 42 });
    expect(commentErrorMessage(error, t)).toBe('wait 42 s');
  });

  it('passes other answers through as unwrap does', async () => {
    await expect(unwrapLimited(answer(200, { data: 1 }))).resolves.toEqual({ data: 1 });
    const missing = await unwrapLimited(
      answer(404, { error: { code: 'comment_not_found', message: 'No such comment' } }),
    ).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).not.toBeInstanceOf(RateLimitedError);
    expect(commentErrorMessage(missing, t)).toBe('this comment is gone');
  });

  it('falls back to the general message when the wait is unknown', async () => {
    const error = await unwrapLimited(answer(429, limited)).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryAfter: null });
    expect(commentErrorMessage(error, t)).toBe('slow down');
  });
});
