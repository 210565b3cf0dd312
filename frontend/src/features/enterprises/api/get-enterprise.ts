import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { enterprisesQueryKey } from './get-enterprises';

export const enterpriseQueryKey = (id: number) => [...enterprisesQueryKey, 'detail', id] as const;

export const getEnterprise = (id: number) =>
  unwrap(api.GET('/api/v1/enterprises/{id}', { params: { path: { id } } }));

export const enterpriseQueryOptions = (id: number) =>
  queryOptions({ queryKey: enterpriseQueryKey(id), queryFn: () => getEnterprise(id) });

export const useEnterprise = (id: number) => useQuery({ ...enterpriseQueryOptions(id), enabled: id > 0 });
