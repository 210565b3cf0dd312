import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type User = components['schemas']['User'];
export type UserStatus = components['schemas']['UserStatus'];
export type UserListParams = NonNullable<operations['listUsers']['parameters']['query']>;

export const usersQueryKey = ['users'] as const;

export const getUsers = (query: UserListParams) => unwrap(api.GET('/api/v1/users', { params: { query } }));

export const usersQueryOptions = (query: UserListParams) =>
  queryOptions({
    queryKey: [...usersQueryKey, 'list', query],
    queryFn: () => getUsers(query),
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UserListParams) => useQuery(usersQueryOptions(query));
