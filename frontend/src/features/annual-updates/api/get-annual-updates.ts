import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type AnnualUpdate = components['schemas']['AnnualUpdate'];
export type AnnualUpdateStatus = AnnualUpdate['status'];
export type AnnualUpdateParams = NonNullable<operations['listAnnualUpdates']['parameters']['query']>;
export type AnnualUpdateFilters = Omit<AnnualUpdateParams, 'page' | 'page_size' | 'format' | 'lang'>;

export const ANNUAL_UPDATE_STATUSES: readonly AnnualUpdateStatus[] = ['upcoming', 'pending', 'filed', 'missed'];

export const annualUpdatesQueryKey = ['annual-updates'] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getAnnualUpdates = (query: AnnualUpdateParams) =>
  unwrap(api.GET('/api/v1/annual-updates', { params: { query } })) as Promise<Page<AnnualUpdate>>;

export const annualUpdatesQueryOptions = (query: AnnualUpdateParams) =>
  queryOptions({ queryKey: [...annualUpdatesQueryKey, query], queryFn: () => getAnnualUpdates(query), placeholderData: keepPreviousData });

/** useAnnualUpdates: who had to file the previous year's figures in a year's window, and whether they did. */
export const useAnnualUpdates = (query: AnnualUpdateParams) => useQuery(annualUpdatesQueryOptions(query));

/** annualUpdatesExportUrl is the same list as an .xlsx of every matching row, headers in the UI language. */
export function annualUpdatesExportUrl(query: AnnualUpdateFilters, lang: 'zh-CN' | 'en-US'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('format', 'xlsx');
  params.set('lang', lang);
  return `/api/v1/annual-updates?${params.toString()}`;
}
