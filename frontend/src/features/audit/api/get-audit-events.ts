import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditEventListParams = NonNullable<operations['listAuditEvents']['parameters']['query']>;

export const auditEventsQueryKey = ['audit-events'] as const;

export const getAuditEvents = (query: AuditEventListParams) =>
  unwrap(api.GET('/api/v1/audit-events', { params: { query } }));

export const auditEventsQueryOptions = (query: AuditEventListParams) =>
  queryOptions({
    queryKey: [...auditEventsQueryKey, 'list', query],
    queryFn: () => getAuditEvents(query),
    placeholderData: keepPreviousData,
  });

export const useAuditEvents = (query: AuditEventListParams) => useQuery(auditEventsQueryOptions(query));
