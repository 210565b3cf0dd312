import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { usersQueryKey } from './get-users';

export type UserCreateInput = components['schemas']['UserCreate'];

export const createUser = (body: UserCreateInput) => unwrap(api.POST('/api/v1/users', { body }));

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
