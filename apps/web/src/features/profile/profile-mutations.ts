import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken, unwrap } from '../../lib/api.ts';
import type { Me } from '../../lib/api-types.ts';
import { meQueryKey } from '../auth/auth-queries.ts';

export type ProfileChanges = Partial<Pick<Me, 'nickname' | 'bio' | 'locale' | 'timeZone'>>;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileChanges) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (result) => {
      rememberCsrfToken(result.csrfToken);
      queryClient.setQueryData(meQueryKey, result.data);
    },
  });
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      // The route reads multipart itself, so the contract has no JSON body; FormData goes as is.
      return unwrap(
        api.PUT('/api/v1/me/avatar', {
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: (result) => {
      queryClient.setQueryData(meQueryKey, result.data);
    },
  });
}
