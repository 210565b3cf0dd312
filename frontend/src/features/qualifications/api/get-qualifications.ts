import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type Qualification = components['schemas']['Qualification'];
export type QualificationList = Page<Qualification>;
export type QualificationStatus = Qualification['status'];
export type QualificationListParams = NonNullable<operations['listQualifications']['parameters']['query']>;
export type QualificationFilters = Omit<QualificationListParams, 'page' | 'page_size' | 'format' | 'lang'>;

/** qualificationsQueryKey is what a new, extended or revoked qualification invalidates. */
export const qualificationsQueryKey = ['qualifications'] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getQualifications = (query: QualificationListParams) =>
  unwrap(api.GET('/api/v1/qualifications', { params: { query } })) as Promise<QualificationList>;

export const qualificationsQueryOptions = (query: QualificationListParams) =>
  queryOptions({
    queryKey: [...qualificationsQueryKey, 'list', query],
    queryFn: () => getQualifications(query),
    placeholderData: keepPreviousData,
  });

export const useQualifications = (query: QualificationListParams) => useQuery(qualificationsQueryOptions(query));

/**
 * qualificationsExportUrl is the same list as an .xlsx of every matching row: the page's filters,
 * and the UI language for the headers (a download link cannot set Accept-Language).
 */
export function qualificationsExportUrl(query: QualificationFilters, lang: 'zh-CN' | 'en-US'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('format', 'xlsx');
  params.set('lang', lang);
  return `/api/v1/qualifications?${params.toString()}`;
}
