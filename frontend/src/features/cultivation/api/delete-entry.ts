import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { cultivationQueryKey } from './get-pool';

export const deletePoolEntry = (id: number) => unwrap(api.DELETE('/api/v1/cultivation/entries/{id}', { params: { path: { id } } }));

export function useDeletePoolEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePoolEntry,
    onSettled: () => queryClient.invalidateQueries({ queryKey: cultivationQueryKey }),
  });
}
