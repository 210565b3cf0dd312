import { describe, expect, it } from 'vitest';
import { annualReport } from '@/testing/fixtures';
import { openYears, toAnnualReportPut, toFiguresFormValues } from './figures-form-values';

describe('figures form values', () => {
  it('shows yuan as 万元 and the share as a percentage, and round-trips them exactly', () => {
    const r = annualReport({ rd_expense: 12_345_678, national_market_share: 0.014, net_profit: -457_590 });
    const v = toFiguresFormValues(r);
    expect(v.rd_expense).toBe(1234.5678);
    expect(v.net_profit).toBe(-45.759);
    expect(v.national_market_share).toBe(1.4);
    const body = toAnnualReportPut(v, r.version);
    expect(body).toMatchObject({ rd_expense: 12_345_678, net_profit: -457_590, national_market_share: 0.014, version: 3 });
  });

  it('turns 万元 into whole yuan, rounding what is below a yuan', () => {
    const body = toAnnualReportPut({ operating_revenue: 1234.5678, rd_expense: 0.00004, total_assets: 0.1 });
    expect(body.operating_revenue).toBe(12_345_678);
    expect(body.rd_expense).toBe(0);
    expect(body.total_assets).toBe(1000);
  });

  it('sends an empty input as null (missing), never as zero', () => {
    const body = toAnnualReportPut({ employees: null, rd_expense: undefined, quality: { award: 'unknown' }, ip: {} });
    expect(body.employees).toBeNull();
    expect(body.rd_expense).toBeNull();
    expect(body.ip).toBeNull();
    expect(body.quality).toBeNull();
    expect(body.national_market_share).toBeNull();
    expect(body.market_position_leading).toBeNull();
    expect(body).not.toHaveProperty('version');
    // A zero typed in is a zero.
    expect(toAnnualReportPut({ equity_financing: 0, ip: { class1: 0 } })).toMatchObject({ equity_financing: 0, ip: { class1: 0, class2: null } });
  });

  it('blank-fills a new year', () => {
    expect(toAnnualReportPut(toFiguresFormValues())).toEqual({
      employees: null,
      rd_staff: null,
      operating_revenue: null,
      main_business_revenue: null,
      rd_expense: null,
      net_profit: null,
      total_assets: null,
      total_liabilities: null,
      equity_financing: null,
      ip: null,
      rd_institution: null,
      digital_level: null,
      quality: null,
      info_system_core_business: null,
      management_certified: null,
      national_market_share: null,
      local_score: null,
      quality_score: null,
      market_position_leading: null,
      domestic_rank: null,
    });
  });

  it('offers the recent complete years not filed yet, and a year a link asks for', () => {
    expect(openYears([2025, 2023], 2026)).toEqual([2024, 2022, 2021]);
    expect(openYears([2025], 2026, 2018)).toEqual([2024, 2023, 2022, 2021, 2018]);
    expect(openYears([], 2026, 2030)).toEqual([2025, 2024, 2023, 2022, 2021]);
  });
});
