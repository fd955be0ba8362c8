import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, rememberCsrfToken, unwrap } from '../../lib/api.ts';
import type { Me } from '../../lib/api-types.ts';
import { currentLocale } from '../../i18n/i18n.ts';

export const meQueryKey = ['me'] as const;

/** The logged-in user, or null when logged out (a 401 is an answer, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const body = await unwrap(api.GET('/api/v1/me'));
        rememberCsrfToken(body.csrfToken);
        return body.data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

function signedIn(queryClient: QueryClient, session: { user: Me; csrfToken: string }) {
  rememberCsrfToken(session.csrfToken);
  queryClient.setQueryData(meQueryKey, session.user);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (session) => signedIn(queryClient, session),
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string; nickname: string }) =>
      unwrap(
        api.POST('/api/v1/auth/register', {
          body: {
            ...body,
            locale: currentLocale(),
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          },
        }),
      ),
    onSuccess: (session) => signedIn(queryClient, session),
  });
}

/** Ends the session; the caller clears the player and leaves. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      rememberCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
