import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type Objection = components['schemas']['Objection'];
export type ObjectionStatus = Objection['status'];

export const objectionsQueryKey = (applicationId: number) => ['objections', applicationId] as const;

export const getObjections = (applicationId: number) =>
  unwrap(api.GET('/api/v1/applications/{id}/objections', { params: { path: { id: applicationId } } })) as Promise<{ items: Objection[]; total: number }>;

export const objectionsQueryOptions = (applicationId: number) =>
  queryOptions({ queryKey: objectionsQueryKey(applicationId), queryFn: () => getObjections(applicationId) });

/** useObjections: the objections lodged against an application (officers within scope). */
export const useObjections = (applicationId: number, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...objectionsQueryOptions(applicationId), enabled: enabled && applicationId > 0 });

/** objectionFileUrl is where an objection's evidence downloads from (the session cookie rides along). */
export const objectionFileUrl = (objectionId: number, fileId: number) => `/api/v1/objections/${objectionId}/files/${fileId}`;
