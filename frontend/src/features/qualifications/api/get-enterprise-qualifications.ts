import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { operations } from '@/lib/api/schema';
import { qualificationsQueryKey, type QualificationList } from './get-qualifications';

export type EnterpriseQualificationParams = Omit<NonNullable<operations['listEnterpriseQualifications']['parameters']['query']>, 'format' | 'lang'>;

export const enterpriseQualificationsQueryKey = (enterpriseId: number) => [...qualificationsQueryKey, 'enterprise', enterpriseId] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getEnterpriseQualifications = (enterpriseId: number, query: EnterpriseQualificationParams) =>
  unwrap(
    api.GET('/api/v1/enterprises/{id}/qualifications', { params: { path: { id: enterpriseId }, query } }),
  ) as Promise<QualificationList>;

export const enterpriseQualificationsQueryOptions = (enterpriseId: number, query: EnterpriseQualificationParams) =>
  queryOptions({
    queryKey: [...enterpriseQualificationsQueryKey(enterpriseId), query],
    queryFn: () => getEnterpriseQualifications(enterpriseId, query),
  });

export const useEnterpriseQualifications = (enterpriseId: number, query: EnterpriseQualificationParams = {}) =>
  useQuery({ ...enterpriseQualificationsQueryOptions(enterpriseId, query), enabled: enterpriseId > 0 });
