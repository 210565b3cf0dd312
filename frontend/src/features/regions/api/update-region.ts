import { useMutation, useQueryClient } from '@tanstack/react-query';
import { regionsQueryKey } from '@/features/reference/api/get-regions';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type RegionPatchInput = components['schemas']['RegionPatch'];

export const updateRegion = ({ code, patch }: { code: string; patch: RegionPatchInput }) =>
  unwrap(api.PATCH('/api/v1/regions/{code}', { params: { path: { code } }, body: patch }));

export function useUpdateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRegion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionsQueryKey }),
  });
}
