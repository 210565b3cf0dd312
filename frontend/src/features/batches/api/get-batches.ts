import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type Batch = components['schemas']['Batch'];
export type BatchStatus = Batch['status'];
export type BatchKind = Batch['kind'];
export type BatchListParams = NonNullable<operations['listBatches']['parameters']['query']>;

/** batchesQueryKey is what a change to a batch or to its applications (the counts) invalidates. */
export const batchesQueryKey = ['batches'] as const;

// Named as a Page of batches: the contract's Page types the items as unknown.
export const getBatches = (query: BatchListParams) => unwrap(api.GET('/api/v1/batches', { params: { query } })) as Promise<Page<Batch>>;

export const batchesQueryOptions = (query: BatchListParams) =>
  queryOptions({
    queryKey: [...batchesQueryKey, 'list', query],
    queryFn: () => getBatches(query),
    placeholderData: keepPreviousData,
  });

export const useBatches = (query: BatchListParams, opts: { enabled?: boolean } = {}) =>
  useQuery({ ...batchesQueryOptions(query), enabled: opts.enabled ?? true });
