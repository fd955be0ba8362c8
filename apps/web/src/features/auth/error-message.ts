import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';

/** A sentence for a failed form submission, translated when we know the code. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const key = `errors.${error.code}`;
  const translated = t(key);
  return translated === key ? error.message : translated;
}

/** Field-level messages from a validation error, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const field of error.fields) {
    const name = field.path.split('.').pop() ?? field.path;
    result[name] ??= field.message;
  }
  return result;
}
