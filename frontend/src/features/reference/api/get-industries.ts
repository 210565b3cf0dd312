import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type IndustrySection = components['schemas']['IndustrySection'];

export const getIndustries = () => unwrap(api.GET('/api/v1/industries'));

export const industriesQueryOptions = () =>
  queryOptions({ queryKey: ['reference', 'industries'], queryFn: getIndustries, staleTime: Infinity });

export const useIndustries = () => useQuery(industriesQueryOptions());
