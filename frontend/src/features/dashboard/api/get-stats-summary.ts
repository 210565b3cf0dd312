import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { compact, statsQueryKey, type StatsFilters } from './stats-params';

export type StatsSummary = components['schemas']['StatsSummary'];
export type TierSummary = StatsSummary['tiers'][number];

export const getStatsSummary = (filters: StatsFilters) =>
  unwrap(api.GET('/api/v1/stats/summary', { params: { query: compact(filters) } })) as Promise<StatsSummary>;

/** statsSummaryQueryOptions asks for each tier's figures; without filters (a date still to be learnt) it waits. */
export const statsSummaryQueryOptions = (filters: StatsFilters | undefined) =>
  queryOptions({
    queryKey: [...statsQueryKey, 'summary', filters ? compact(filters) : null],
    queryFn: filters ? () => getStatsSummary(filters) : skipToken,
    placeholderData: keepPreviousData,
  });

export const useStatsSummary = (filters: StatsFilters | undefined) => useQuery(statsSummaryQueryOptions(filters));
