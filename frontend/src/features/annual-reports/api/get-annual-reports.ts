import { queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseQueryKey } from '@/features/enterprises/api/get-enterprise';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type AnnualReport = components['schemas']['AnnualReport'];
export type RdInstitution = NonNullable<AnnualReport['rd_institution']>;

/** Under the enterprise's key: a change to the enterprise refreshes its figures too. */
export const annualReportsQueryKey = (enterpriseId: number) => [...enterpriseQueryKey(enterpriseId), 'annual-reports'] as const;

// The operation also answers .xlsx (format=xlsx, by link); asked without it, the answer is JSON.
export const getAnnualReports = (enterpriseId: number) =>
  unwrap(api.GET('/api/v1/enterprises/{id}/annual-reports', { params: { path: { id: enterpriseId } } })) as Promise<Page<AnnualReport>>;

export const annualReportsQueryOptions = (enterpriseId: number) =>
  queryOptions({ queryKey: annualReportsQueryKey(enterpriseId), queryFn: () => getAnnualReports(enterpriseId) });

export const useAnnualReports = (enterpriseId: number) => useQuery({ ...annualReportsQueryOptions(enterpriseId), enabled: enterpriseId > 0 });
