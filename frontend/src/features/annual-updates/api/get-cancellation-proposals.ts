import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Page } from '@/lib/api/client';
import type { components, operations } from '@/lib/api/schema';

export type CancellationProposal = components['schemas']['CancellationProposal'];
export type ProposalStatus = CancellationProposal['status'];
export type ProposalParams = NonNullable<operations['listCancellationProposals']['parameters']['query']>;

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['proposed', 'confirmed', 'dismissed'];

export const proposalsQueryKey = ['cancellation-proposals'] as const;

export const getProposals = (query: ProposalParams) =>
  unwrap(api.GET('/api/v1/cancellation-proposals', { params: { query } })) as Promise<Page<CancellationProposal>>;

export const proposalsQueryOptions = (query: ProposalParams) =>
  queryOptions({ queryKey: [...proposalsQueryKey, query], queryFn: () => getProposals(query), placeholderData: keepPreviousData });

/** useProposals: qualifications proposed for cancellation for missed annual updates, the undecided first. */
export const useProposals = (query: ProposalParams) => useQuery(proposalsQueryOptions(query));
