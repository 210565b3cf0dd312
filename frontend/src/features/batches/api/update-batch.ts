import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { batchesQueryKey } from './get-batches';

export type BatchPatchInput = components['schemas']['BatchPatch'];

/** updateBatch changes a batch's name, window or ruleset, or closes it early (close_early) or reopens it. */
export const updateBatch = ({ id, patch }: { id: number; patch: BatchPatchInput }) =>
  unwrap(api.PATCH('/api/v1/batches/{id}', { params: { path: { id } }, body: patch }));

export function useUpdateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBatch,
    // A stale version also needs the fresh batch, so refresh on failure too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: batchesQueryKey }),
  });
}
