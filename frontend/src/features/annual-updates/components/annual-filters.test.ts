import { describe, expect, it } from 'vitest';
import { ANNUAL_STATUS_COLORS, PROPOSAL_STATUS_COLORS, toAnnualUpdateFilters, toProposalStatus, yearOptions } from './annual-filters';

describe('toAnnualUpdateFilters', () => {
  it("defaults to this year's window and every status", () => {
    expect(toAnnualUpdateFilters({}, 2025)).toEqual({ year: 2025, status: undefined, region: undefined });
  });

  it('keeps a sane year, a known status and the region', () => {
    expect(toAnnualUpdateFilters({ year: '2024', status: 'missed', region: '445202' }, 2025)).toEqual({ year: 2024, status: 'missed', region: '445202' });
  });

  it('drops a year out of range and an unknown status', () => {
    expect(toAnnualUpdateFilters({ year: '1999', status: 'late' }, 2025)).toEqual({ year: 2025, status: undefined, region: undefined });
    expect(toAnnualUpdateFilters({ year: '2027' }, 2025).year).toBe(2025);
    expect(toAnnualUpdateFilters({ year: '2026' }, 2025).year).toBe(2026);
    expect(toAnnualUpdateFilters({ year: 'abc' }, 2025).year).toBe(2025);
  });

  it("holds a county officer to its own region whatever the URL says", () => {
    expect(toAnnualUpdateFilters({ region: '445281' }, 2025, '445202').region).toBe('445202');
  });
});

describe('yearOptions', () => {
  it('runs from next year down to 2020', () => {
    expect(yearOptions(2025)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });
});

describe('toProposalStatus', () => {
  it('opens on the undecided, asks for all on request', () => {
    expect(toProposalStatus(undefined)).toBe('proposed');
    expect(toProposalStatus('bogus')).toBe('proposed');
    expect(toProposalStatus('confirmed')).toBe('confirmed');
    expect(toProposalStatus('all')).toBeUndefined();
  });
});

describe('status colours', () => {
  it('mark a missed update and a confirmed cancellation as errors, a filed update as done', () => {
    expect(ANNUAL_STATUS_COLORS.missed).toBe('error');
    expect(ANNUAL_STATUS_COLORS.filed).toBe('success');
    expect(PROPOSAL_STATUS_COLORS.confirmed).toBe('error');
    expect(PROPOSAL_STATUS_COLORS.proposed).toBe('warning');
  });
});
