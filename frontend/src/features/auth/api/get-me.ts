import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { isApiError } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Me = components['schemas']['Me'];
export type Role = components['schemas']['Role'];

export const meQueryKey = ['auth', 'me'] as const;

/** getMe answers the signed-in user, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/v1/auth/me'));
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: Infinity, retry: false });

export const useMe = () => useQuery(meQueryOptions());
