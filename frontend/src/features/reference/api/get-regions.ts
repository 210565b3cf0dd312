import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Region = components['schemas']['Region'];
export type RegionKind = components['schemas']['RegionKind'];

/** regionsQueryKey is what a change to the regions invalidates: every region select reads it. */
export const regionsQueryKey = ['reference', 'regions'] as const;

export const getRegions = () => unwrap(api.GET('/api/v1/regions'));

// Reference data: the names come in both languages, so the cache is language-independent.
// It changes only through the admin's regions page, which invalidates it.
export const regionsQueryOptions = () =>
  queryOptions({ queryKey: regionsQueryKey, queryFn: getRegions, staleTime: Infinity });

export const useRegions = () => useQuery(regionsQueryOptions());
