import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { registrationsQueryKey } from './get-registrations';

export const rejectRegistration = ({ id, reason }: { id: number; reason: string }) =>
  unwrap(api.POST('/api/v1/registrations/{id}/reject', { params: { path: { id } }, body: { reason } }));

export function useRejectRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectRegistration,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: registrationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}
