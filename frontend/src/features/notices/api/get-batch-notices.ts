import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { noticesQueryKey, type PublicNotice } from './get-public-notices';

export const batchNoticesQueryKey = (batchId: number) => [...noticesQueryKey, 'batch', batchId] as const;

export const getBatchNotices = (batchId: number) =>
  unwrap(api.GET('/api/v1/batches/{id}/notices', { params: { path: { id: batchId } } })) as Promise<{ items: PublicNotice[]; total: number }>;

export const batchNoticesQueryOptions = (batchId: number) => queryOptions({ queryKey: batchNoticesQueryKey(batchId), queryFn: () => getBatchNotices(batchId) });

/** useBatchNotices: the notices a batch's applications were published on (officers, leaders). */
export const useBatchNotices = (batchId: number) => useQuery({ ...batchNoticesQueryOptions(batchId), enabled: batchId > 0 });
