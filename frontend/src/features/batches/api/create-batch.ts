import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { batchesQueryKey } from './get-batches';

export type BatchCreateInput = components['schemas']['BatchCreate'];

export const createBatch = (body: BatchCreateInput) => unwrap(api.POST('/api/v1/batches', { body }));

export function useCreateBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBatch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchesQueryKey }),
  });
}
