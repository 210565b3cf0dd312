import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { meQueryKey } from './get-me';

export type LoginInput = components['schemas']['LoginRequest'];

export const login = (body: LoginInput) => unwrap(api.POST('/api/v1/auth/login', { body }));

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess(me) {
      // Nothing cached for a previous user survives a sign-in.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
