import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { compact, statsQueryKey, type StatsFilters } from './stats-params';
import type { StatsCells } from './get-stats-by-region';

export const getStatsByIndustry = (filters: StatsFilters) =>
  unwrap(api.GET('/api/v1/stats/by-industry', { params: { query: compact(filters) } })) as Promise<StatsCells>;

export const statsByIndustryQueryOptions = (filters: StatsFilters) =>
  queryOptions({
    queryKey: [...statsQueryKey, 'by-industry', compact(filters)],
    queryFn: () => getStatsByIndustry(filters),
    placeholderData: keepPreviousData,
  });

/** useStatsByIndustry is the holders of each tier in each industry section as of a date. */
export const useStatsByIndustry = (filters: StatsFilters) => useQuery(statsByIndustryQueryOptions(filters));
