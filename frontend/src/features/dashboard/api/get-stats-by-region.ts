import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { compact, statsQueryKey, type StatsFilters } from './stats-params';

export type StatsCells = components['schemas']['StatsCells'];
export type StatsCell = StatsCells['items'][number];

export const getStatsByRegion = (filters: StatsFilters) =>
  unwrap(api.GET('/api/v1/stats/by-region', { params: { query: compact(filters) } })) as Promise<StatsCells>;

export const statsByRegionQueryOptions = (filters: StatsFilters) =>
  queryOptions({
    queryKey: [...statsQueryKey, 'by-region', compact(filters)],
    queryFn: () => getStatsByRegion(filters),
    placeholderData: keepPreviousData,
  });

/** useStatsByRegion is the holders of each tier in each region as of a date. */
export const useStatsByRegion = (filters: StatsFilters) => useQuery(statsByRegionQueryOptions(filters));
