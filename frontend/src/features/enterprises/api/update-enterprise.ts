import { useMutation, useQueryClient } from '@tanstack/react-query';
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
      return queryClient.invalidateQueries({ queryKey: enterprisesQueryKey });
    },
  });
}
