import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { qualificationsQueryKey } from './get-qualifications';

export type QualificationDetail = components['schemas']['QualificationDetail'];
export type QualificationEvent = QualificationDetail['events'][number];

export const qualificationQueryKey = (id: number) => [...qualificationsQueryKey, 'detail', id] as const;

export const getQualification = (id: number) => unwrap(api.GET('/api/v1/qualifications/{id}', { params: { path: { id } } }));

export const qualificationQueryOptions = (id: number) =>
  queryOptions({ queryKey: qualificationQueryKey(id), queryFn: () => getQualification(id) });

export const useQualification = (id: number | null) => useQuery({ ...qualificationQueryOptions(id ?? 0), enabled: (id ?? 0) > 0 });
