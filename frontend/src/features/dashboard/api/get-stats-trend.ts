import { keepPreviousData, queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { compact, statsQueryKey, type StatsFilters } from './stats-params';

export type StatsTrend = components['schemas']['StatsTrend'];
export type TrendPoint = StatsTrend['items'][number];

/** TrendFilters are the region and industry, and the years from and to (both included). */
export type TrendFilters = Omit<StatsFilters, 'as_of'> & { from: number; to: number };

export const getStatsTrend = (filters: TrendFilters) =>
  unwrap(api.GET('/api/v1/stats/trend', { params: { query: compact(filters) } })) as Promise<StatsTrend>;

/** statsTrendQueryOptions asks for the new qualifications of each year and the holders at each year's end; it waits for the years. */
export const statsTrendQueryOptions = (filters: TrendFilters | undefined) =>
  queryOptions({
    queryKey: [...statsQueryKey, 'trend', filters ? compact(filters) : null],
    queryFn: filters ? () => getStatsTrend(filters) : skipToken,
    placeholderData: keepPreviousData,
  });

export const useStatsTrend = (filters: TrendFilters | undefined) => useQuery(statsTrendQueryOptions(filters));
