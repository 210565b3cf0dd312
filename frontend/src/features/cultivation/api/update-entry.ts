import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { cultivationQueryKey } from './get-pool';

export type PoolEntryPatchInput = components['schemas']['PoolEntryPatch'];

export const updatePoolEntry = ({ id, patch }: { id: number; patch: PoolEntryPatchInput }) =>
  unwrap(api.PATCH('/api/v1/cultivation/entries/{id}', { params: { path: { id } }, body: patch }));

export function useUpdatePoolEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePoolEntry,
    // A stale version also needs the fresh row, so refresh on failure too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: cultivationQueryKey }),
  });
}
