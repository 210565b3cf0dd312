import { ANNUAL_UPDATE_STATUSES, type AnnualUpdateFilters, type AnnualUpdateStatus } from '../api/get-annual-updates';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../api/get-cancellation-proposals';

export const FIRST_YEAR = 2020;

/** yearOptions: the windows one may look at, from FIRST_YEAR to next year, newest first. */
export function yearOptions(thisYear: number): number[] {
  const out: number[] = [];
  for (let y = thisYear + 1; y >= FIRST_YEAR; y--) out.push(y);
  return out;
}

const oneOf = <T extends string>(values: readonly T[], raw: string | undefined): T | undefined => (raw !== undefined && (values as readonly string[]).includes(raw) ? (raw as T) : undefined);

/**
 * toAnnualUpdateFilters reads the list's URL values: a year (this year unless a sane one is named),
 * a status the server knows, and the region (a county officer's own, whatever the URL says).
 */
export function toAnnualUpdateFilters(values: { year?: string; status?: string; region?: string }, thisYear: number, fixedRegion?: string | null): AnnualUpdateFilters {
  const year = Number(values.year);
  return {
    year: Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear + 1 ? year : thisYear,
    status: oneOf<AnnualUpdateStatus>(ANNUAL_UPDATE_STATUSES, values.status),
    region: fixedRegion ?? (values.region || undefined),
  };
}

/** DEFAULT_PROPOSAL_STATUS: the list opens on what is still to decide. */
export const DEFAULT_PROPOSAL_STATUS: ProposalStatus = 'proposed';
export const ALL_PROPOSALS = 'all';

/** toProposalStatus: `all` asks for every status; anything unknown falls back to the undecided. */
export function toProposalStatus(raw: string | undefined): ProposalStatus | undefined {
  if (raw === ALL_PROPOSALS) return undefined;
  return oneOf<ProposalStatus>(PROPOSAL_STATUSES, raw) ?? DEFAULT_PROPOSAL_STATUS;
}

export const ANNUAL_STATUS_COLORS: Record<AnnualUpdateStatus, string> = { upcoming: 'default', pending: 'processing', filed: 'success', missed: 'error' };
export const PROPOSAL_STATUS_COLORS: Record<ProposalStatus, string> = { proposed: 'warning', confirmed: 'error', dismissed: 'default' };
