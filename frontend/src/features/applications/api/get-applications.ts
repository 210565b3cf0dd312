import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type Application = components['schemas']['Application'];
export type ApplicationState = components['schemas']['ApplicationState'];
export type ApplicationListParams = NonNullable<operations['listApplications']['parameters']['query']>;

/** applicationsQueryKey is what a change to any application invalidates: lists and details. */
export const applicationsQueryKey = ['applications'] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getApplications = (query: ApplicationListParams) =>
  unwrap(api.GET('/api/v1/applications', { params: { query } })) as Promise<Page<Application>>;

export const applicationsQueryOptions = (query: ApplicationListParams) =>
  queryOptions({
    queryKey: [...applicationsQueryKey, 'list', query],
    queryFn: () => getApplications(query),
    placeholderData: keepPreviousData,
  });

export const useApplications = (query: ApplicationListParams, opts: { enabled?: boolean } = {}) =>
  useQuery({ ...applicationsQueryOptions(query), enabled: opts.enabled ?? true });

/** applicationsExportUrl is the same list as an .xlsx of every matching row, headers in the UI language. */
export function applicationsExportUrl(query: Omit<ApplicationListParams, 'page' | 'page_size' | 'format' | 'lang'>, lang: 'zh-CN' | 'en-US'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('format', 'xlsx');
  params.set('lang', lang);
  return `/api/v1/applications?${params.toString()}`;
}
