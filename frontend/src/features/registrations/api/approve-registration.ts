import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { registrationsQueryKey } from './get-registrations';

export const approveRegistration = (id: number) =>
  unwrap(api.POST('/api/v1/registrations/{id}/approve', { params: { path: { id } } }));

export function useApproveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveRegistration,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: registrationsQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}
