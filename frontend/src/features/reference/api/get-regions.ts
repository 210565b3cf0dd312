import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Region = components['schemas']['Region'];

export const getRegions = () => unwrap(api.GET('/api/v1/regions'));

// Reference data: the names come in both languages, so the cache is language-independent.
export const regionsQueryOptions = () =>
  queryOptions({ queryKey: ['reference', 'regions'], queryFn: getRegions, staleTime: Infinity });

export const useRegions = () => useQuery(regionsQueryOptions());
