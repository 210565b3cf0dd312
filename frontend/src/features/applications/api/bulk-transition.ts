import { useMutation, useQueryClient } from '@tanstack/react-query';
import { batchesQueryKey } from '@/features/batches/api/get-batches';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { applicationsQueryKey } from './get-applications';

export type BulkTransitionInput = components['schemas']['BulkTransition'];
export type BulkResult = components['schemas']['BulkResult'];
export type BulkResultItem = BulkResult['items'][number];

/** bulkTransition passes or returns several applications, each as if done alone; the answer has each one's outcome. */
export const bulkTransition = (body: BulkTransitionInput) => unwrap(api.POST('/api/v1/applications/bulk-transitions', { body }));

export function useBulkTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkTransition,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: batchesQueryKey }),
      ]),
  });
}
