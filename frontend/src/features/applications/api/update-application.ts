import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { applicationsQueryKey } from './get-applications';

export type ApplicationPatchInput = components['schemas']['ApplicationPatch'];

/** updateApplication changes the report year of a draft or returned application. */
export const updateApplication = ({ id, patch }: { id: number; patch: ApplicationPatchInput }) =>
  unwrap(api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body: patch }));

export function useUpdateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateApplication,
    // A stale version also needs the fresh application, so refresh on failure too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicationsQueryKey }),
  });
}
