import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Officer = components['schemas']['Officer'];

export const getOfficers = (region?: string) =>
  unwrap(api.GET('/api/v1/officers', { params: { query: { region, page_size: 200 } } }));

export const officersQueryOptions = (region?: string) =>
  queryOptions({ queryKey: ['officers', region ?? ''], queryFn: () => getOfficers(region) });

export const useOfficers = (region: string | undefined, opts: { enabled?: boolean } = {}) =>
  useQuery({ ...officersQueryOptions(region), enabled: opts.enabled ?? true });
