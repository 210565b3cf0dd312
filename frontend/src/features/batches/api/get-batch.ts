import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { batchesQueryKey } from './get-batches';

export const batchQueryKey = (id: number) => [...batchesQueryKey, 'detail', id] as const;

export const getBatch = (id: number) => unwrap(api.GET('/api/v1/batches/{id}', { params: { path: { id } } }));

export const batchQueryOptions = (id: number) => queryOptions({ queryKey: batchQueryKey(id), queryFn: () => getBatch(id) });

export const useBatch = (id: number) => useQuery({ ...batchQueryOptions(id), enabled: id > 0 });
