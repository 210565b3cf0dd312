import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseQueryKey } from '@/features/enterprises/api/get-enterprise';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type EnterpriseEligibility = components['schemas']['EnterpriseEligibility'];
export type Evaluation = components['schemas']['Evaluation'];
export type Criterion = components['schemas']['Criterion'];
export type Tier = components['schemas']['Tier'];
export type CriterionStatus = components['schemas']['CriterionStatus'];

/** The self-check's choices; left out, the server picks the report year and the ruleset in force. */
export type EligibilityParams = { report_year?: number; ruleset?: string };

/** Under the enterprise's key: any change to the enterprise or its figures refreshes the self-check. */
export const eligibilityQueryKey = (enterpriseId: number) => [...enterpriseQueryKey(enterpriseId), 'eligibility'] as const;

export const getEligibility = (enterpriseId: number, query: EligibilityParams) =>
  unwrap(api.GET('/api/v1/enterprises/{id}/eligibility', { params: { path: { id: enterpriseId }, query } }));

export const eligibilityQueryOptions = (enterpriseId: number, query: EligibilityParams) =>
  queryOptions({
    queryKey: [...eligibilityQueryKey(enterpriseId), query],
    queryFn: () => getEligibility(enterpriseId, query),
    placeholderData: keepPreviousData,
    // A ruleset the server does not know is a 422 the page explains next to the selector.
    meta: { errorShownByPage: true },
  });

export const useEligibility = (enterpriseId: number, query: EligibilityParams) =>
  useQuery({ ...eligibilityQueryOptions(enterpriseId, query), enabled: enterpriseId > 0 });
