import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionsQueryKey } from '@/features/reference/api/get-regions';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type RegionCreateInput = components['schemas']['RegionCreate'];

export const createRegion = (body: RegionCreateInput) => unwrap(api.POST('/api/v1/regions', { body }));

export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRegion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsQueryKey }),
  });
}
