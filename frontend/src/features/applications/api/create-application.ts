import { useMutation, useQueryClient } from '@tanstack/react-query';
import { batchesQueryKey } from '@/features/batches/api/get-batches';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { applicationsQueryKey } from './get-applications';

export type ApplicationCreateInput = components['schemas']['ApplicationCreate'];

/** createApplication starts a draft in a batch (409 duplicate when the enterprise has a live one there). */
export const createApplication = (body: ApplicationCreateInput) => unwrap(api.POST('/api/v1/applications', { body }));

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApplication,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: batchesQueryKey }),
      ]),
  });
}
