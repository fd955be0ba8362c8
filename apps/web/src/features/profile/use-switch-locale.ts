import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../lib/api.ts';
import type { Me } from '../../lib/api-types.ts';
import { setLocale, type AppLocale } from '../../i18n/i18n.ts';
import { meQueryKey } from '../auth/auth-queries.ts';

/** Switches the language now, and saves it to the profile when someone is logged in. */
export function useSwitchLocale(): (locale: AppLocale) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: AppLocale) => {
      await setLocale(locale);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (!me || me.locale === locale) return;
      queryClient.setQueryData(meQueryKey, { ...me, locale });
      try {
        const result = await unwrap(api.PATCH('/api/v1/me', { body: { locale } }));
        queryClient.setQueryData(meQueryKey, result.data);
      } catch {
        // Not saved (offline?): the page still shows the chosen language.
      }
    },
    [queryClient],
  );
}
