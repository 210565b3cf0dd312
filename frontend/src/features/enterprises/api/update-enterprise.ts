import { useMutation, useQueryClient } from '@tanstack/react-query';
import { cultivationQueryKey } from '@/features/cultivation/api/get-pool';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { enterpriseQueryKey } from './get-enterprise';
import { enterprisesQueryKey } from './get-enterprises';

export type EnterprisePatchInput = components['schemas']['EnterprisePatch'];

export const updateEnterprise = ({ id, patch }: { id: number; patch: EnterprisePatchInput }) =>
  unwrap(api.PATCH('/api/v1/enterprises/{id}', { params: { path: { id } }, body: patch }));

export function useUpdateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEnterprise,
    onSuccess(enterprise) {
      queryClient.setQueryData(enterpriseQueryKey(enterprise.id), enterprise);
      // The profile's criteria facts move the self-check (under the enterprise's key) and the pool.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: enterprisesQueryKey }),
        queryClient.invalidateQueries({ queryKey: cultivationQueryKey }),
      ]);
    },
  });
}
