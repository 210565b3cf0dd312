import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { enterprisesQueryKey } from './get-enterprises';

export type EnterpriseCreateInput = components['schemas']['EnterpriseCreate'];

export const createEnterprise = (body: EnterpriseCreateInput) =>
  unwrap(api.POST('/api/v1/enterprises', { body }));

export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEnterprise,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterprisesQueryKey }),
  });
}
