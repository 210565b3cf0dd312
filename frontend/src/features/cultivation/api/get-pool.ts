import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type PoolRow = components['schemas']['PoolRow'];
export type PoolEntry = components['schemas']['PoolEntry'];
export type PoolParams = operations['listCultivation']['parameters']['query'];

export const cultivationQueryKey = ['cultivation'] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getPool = (query: PoolParams) => unwrap(api.GET('/api/v1/cultivation', { params: { query } })) as Promise<Page<PoolRow>>;

export const poolQueryOptions = (query: PoolParams) =>
  queryOptions({
    queryKey: [...cultivationQueryKey, 'list', query],
    queryFn: () => getPool(query),
    placeholderData: keepPreviousData,
  });

export const usePool = (query: PoolParams) => useQuery(poolQueryOptions(query));

/**
 * poolExportUrl is the same list as an .xlsx download of every matching row: the filters of the
 * page, and the UI language for the headers (a download link cannot set Accept-Language).
 */
export function poolExportUrl(query: Omit<PoolParams, 'page' | 'page_size' | 'format' | 'lang'>, lang: 'zh-CN' | 'en-US'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('format', 'xlsx');
  params.set('lang', lang);
  return `/api/v1/cultivation?${params.toString()}`;
}
