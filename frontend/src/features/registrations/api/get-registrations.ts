import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type Registration = components['schemas']['Registration'];
export type RegistrationStatus = components['schemas']['RegistrationStatus'];
export type RegistrationListParams = NonNullable<operations['listRegistrations']['parameters']['query']>;

export const registrationsQueryKey = ['registrations'] as const;

export const getRegistrations = (query: RegistrationListParams) =>
  unwrap(api.GET('/api/v1/registrations', { params: { query } }));

export const registrationsQueryOptions = (query: RegistrationListParams) =>
  queryOptions({
    queryKey: [...registrationsQueryKey, 'list', query],
    queryFn: () => getRegistrations(query),
    placeholderData: keepPreviousData,
  });

export const useRegistrations = (query: RegistrationListParams) => useQuery(registrationsQueryOptions(query));
