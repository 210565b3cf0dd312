import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type Enterprise = components['schemas']['Enterprise'];
export type SizeClass = components['schemas']['SizeClass'];
export type EnterpriseListParams = NonNullable<operations['listEnterprises']['parameters']['query']>;
export type EnterpriseSort = NonNullable<EnterpriseListParams['sort']>;

export const enterprisesQueryKey = ['enterprises'] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getEnterprises = (query: EnterpriseListParams) =>
  unwrap(api.GET('/api/v1/enterprises', { params: { query } })) as Promise<Page<Enterprise>>;

export const enterprisesQueryOptions = (query: EnterpriseListParams) =>
  queryOptions({
    queryKey: [...enterprisesQueryKey, 'list', query],
    queryFn: () => getEnterprises(query),
    placeholderData: keepPreviousData,
  });

export const useEnterprises = (query: EnterpriseListParams, opts: { enabled?: boolean } = {}) =>
  useQuery({ ...enterprisesQueryOptions(query), enabled: opts.enabled ?? true });
