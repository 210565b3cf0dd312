import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { compact, statsQueryKey, type StatsFilters } from './stats-params';

export type StatsPipeline = components['schemas']['StatsPipeline'];
export type PipelineCell = StatsPipeline['items'][number];

export const getStatsPipeline = (filters: StatsFilters) =>
  unwrap(api.GET('/api/v1/stats/pipeline', { params: { query: compact(filters) } })) as Promise<StatsPipeline>;

export const statsPipelineQueryOptions = (filters: StatsFilters) =>
  queryOptions({
    queryKey: [...statsQueryKey, 'pipeline', compact(filters)],
    queryFn: () => getStatsPipeline(filters),
    placeholderData: keepPreviousData,
  });

/** useStatsPipeline is the applications of the batches open on a date, by batch and state. */
export const useStatsPipeline = (filters: StatsFilters) => useQuery(statsPipelineQueryOptions(filters));
