import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { cultivationQueryKey } from './get-pool';

export type PoolEntryCreateInput = components['schemas']['PoolEntryCreate'];

export const createPoolEntry = (body: PoolEntryCreateInput) => unwrap(api.POST('/api/v1/cultivation/entries', { body }));

export function useCreatePoolEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPoolEntry,
    // A duplicate means someone else added it first: the list needs refreshing either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: cultivationQueryKey }),
  });
}
