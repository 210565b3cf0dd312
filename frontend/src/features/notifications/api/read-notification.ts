import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { notificationsQueryKey } from './get-notifications';

export const readNotification = (id: number) =>
  unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));

export function useReadNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: readNotification,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
