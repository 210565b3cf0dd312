import { useMutation, useQueryClient } from '@tanstack/react-query';
import { batchesQueryKey } from '@/features/batches/api/get-batches';
import { qualificationsQueryKey } from '@/features/qualifications/api/get-qualifications';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { applicationsQueryKey } from './get-applications';

export type TransitionInput = components['schemas']['Transition'];
export type TransitionAction = TransitionInput['action'];

/** transitionApplication moves an application through the workflow, naming the version read. */
export const transitionApplication = ({ id, body }: { id: number; body: TransitionInput }) =>
  unwrap(api.POST('/api/v1/applications/{id}/transitions', { params: { path: { id } }, body }));

export function useTransitionApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionApplication,
    // On failure too: a stale version or a state that moved on needs the application as it is now.
    // The batch counts follow the state; an approval creates or extends a qualification.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: batchesQueryKey }),
        queryClient.invalidateQueries({ queryKey: qualificationsQueryKey }),
      ]),
  });
}
