import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationsQueryKey } from '@/features/applications/api/get-applications';
import { api, unwrap } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';
import { objectionsQueryKey } from './get-objections';

export type Resolution = operations['resolveObjection']['requestBody']['content']['application/json'];

/** resolveObjection upholds (returning or rejecting the application) or dismisses an objection, with the reason. */
export const resolveObjection = ({ id, body }: { id: number; applicationId: number; body: Resolution }) =>
  unwrap(api.POST('/api/v1/objections/{id}/resolve', { params: { path: { id } }, body }));

export function useResolveObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resolveObjection,
    // An upheld objection moves the application too.
    onSettled: async (_data, _error, { applicationId }) => {
      await queryClient.invalidateQueries({ queryKey: objectionsQueryKey(applicationId) });
      await queryClient.invalidateQueries({ queryKey: applicationsQueryKey });
    },
  });
}
