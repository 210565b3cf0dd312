import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { usersQueryKey } from './get-users';

export type UserPatchInput = components['schemas']['UserPatch'];

export const updateUser = ({ id, patch }: { id: number; patch: UserPatchInput }) =>
  unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: patch }));

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    // A stale version also needs the fresh row, so refresh on failure too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
