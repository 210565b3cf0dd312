import { describe, expect, it } from 'vitest';
import type { StatsCell } from '../api/get-stats-by-region';
import type { StatsPipeline } from '../api/get-stats-pipeline';
import type { StatsSummary } from '../api/get-stats-summary';
import type { StatsTrend } from '../api/get-stats-trend';
import {
  changeOf,
  enterprisesHolding,
  funnel,
  isDate,
  pipelineBatches,
  poolLink,
  qualificationsLink,
  stackedByTier,
  sumStates,
  tierCards,
  trendSeries,
  trendYears,
  yearBefore,
} from './dashboard-data';

const summary = (asOf: string, rows: [string, number, number, number, number, number][]): StatsSummary => ({
  as_of: asOf,
  tiers: rows.map(([tier, holders, highest, e90, e180, candidates]) => ({
    tier: tier as StatsSummary['tiers'][number]['tier'],
    holders,
    highest_tier_holders: highest,
    expiring_90: e90,
    expiring_180: e180,
    candidates,
  })),
});

describe('dates', () => {
  it('takes the same date a year before, 29 February becoming 28 February', () => {
    expect(yearBefore('2023-06-30')).toBe('2022-06-30');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(yearBefore('2025-02-28')).toBe('2024-02-28');
    expect(yearBefore('2024-01-01')).toBe('2023-01-01');
    expect(() => yearBefore('30/06/2023')).toThrow();
  });

  it('accepts only real calendar dates', () => {
    expect(isDate('2023-06-30')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2023-13-01')).toBe(false);
    expect(isDate('2023-6-30')).toBe(false);
    expect(isDate('')).toBe(false);
    expect(isDate(undefined)).toBe(false);
  });

  it('shows the as-of year and the five before it', () => {
    expect(trendYears('2023-06-30')).toEqual({ from: 2018, to: 2023 });
    expect(trendYears('2026-01-01', 3)).toEqual({ from: 2024, to: 2026 });
  });
});

describe('tier cards', () => {
  const now = summary('2023-06-30', [
    ['innovative_sme', 83, 55, 0, 0, 83],
    ['specialized_sme', 76, 74, 0, 5, 22],
    ['little_giant', 2, 2, 0, 0, 0],
  ]);
  const before = summary('2022-06-30', [
    ['innovative_sme', 0, 0, 0, 0, 148],
    ['specialized_sme', 48, 47, 0, 0, 46],
    ['little_giant', 1, 1, 0, 0, 0],
  ]);

  it('puts each tier beside its holders a year before, top tier first', () => {
    const cards = tierCards(now, before);
    expect(cards.map((c) => c.tier)).toEqual(['little_giant', 'specialized_sme', 'innovative_sme']);
    expect(cards[0]).toEqual({
      tier: 'little_giant',
      holders: { value: 2, previous: 1, change: 1, ratio: 1 },
      highestTierHolders: 2,
      expiring90: 0,
      expiring180: 0,
      candidates: 0,
    });
    expect(cards[1]?.holders).toEqual({ value: 76, previous: 48, change: 28, ratio: 28 / 48 });
    expect(cards[1]).toMatchObject({ highestTierHolders: 74, expiring90: 0, expiring180: 5, candidates: 22 });
    // Nothing a year before: the change is known, the ratio is not.
    expect(cards[2]?.holders).toEqual({ value: 83, previous: 0, change: 83, ratio: null });
  });

  it('shows a fall as a negative change', () => {
    expect(changeOf(5, 8)).toEqual({ value: 5, previous: 8, change: -3, ratio: -3 / 8 });
    expect(changeOf(4, 4)).toEqual({ value: 4, previous: 4, change: 0, ratio: 0 });
  });

  it('has no change until the year before is known', () => {
    const cards = tierCards(now);
    expect(cards.every((c) => c.holders.previous === null && c.holders.change === null && c.holders.ratio === null)).toBe(true);
    expect(cards.map((c) => c.holders.value)).toEqual([2, 76, 83]);
  });

  it('counts a tier the answer leaves out as none', () => {
    const cards = tierCards(summary('2023-06-30', [['specialized_sme', 3, 3, 1, 2, 4]]), summary('2022-06-30', []));
    expect(cards.map((c) => c.holders.value)).toEqual([0, 3, 0]);
    expect(cards.map((c) => c.holders.previous)).toEqual([0, 0, 0]);
  });

  it('counts the enterprises holding any tier once, at their highest', () => {
    expect(enterprisesHolding(now, before)).toEqual({ value: 131, previous: 48, change: 83, ratio: 83 / 48 });
    expect(enterprisesHolding(now, null).previous).toBeNull();
  });
});

describe('tier × region bars', () => {
  const cells: StatsCell[] = [
    { code: '445202', name: '榕城区', tier: 'innovative_sme', holders: 17, highest_tier_holders: 11 },
    { code: '445202', name: '榕城区', tier: 'little_giant', holders: 1, highest_tier_holders: 1 },
    { code: '445202', name: '榕城区', tier: 'specialized_sme', holders: 15, highest_tier_holders: 14 },
    { code: '445281', name: '普宁市', tier: 'innovative_sme', holders: 17, highest_tier_holders: 12 },
    { code: '445281', name: '普宁市', tier: 'specialized_sme', holders: 17, highest_tier_holders: 17 },
    { code: '445203', name: '揭东区', tier: 'specialized_sme', holders: 6, highest_tier_holders: 6 },
  ];

  it('stacks one series per tier over the regions, in the order of the known regions, with zeros for regions holding none', () => {
    const known = [
      { code: '445202', name: '榕城区' },
      { code: '445203', name: '揭东区' },
      { code: '445224', name: '惠来县' },
      { code: '445281', name: '普宁市' },
    ];
    expect(stackedByTier(cells, known)).toEqual({
      categories: known,
      series: [
        { tier: 'little_giant', values: [1, 0, 0, 0] },
        { tier: 'specialized_sme', values: [15, 6, 0, 17] },
        { tier: 'innovative_sme', values: [17, 0, 0, 17] },
      ],
      totals: [33, 6, 0, 34],
    });
  });

  it('keeps a category the known list lacks, after the known ones', () => {
    const bars = stackedByTier(cells, [{ code: '445281', name: '普宁市' }]);
    expect(bars.categories.map((c) => c.code)).toEqual(['445281', '445202', '445203']);
    expect(bars.totals).toEqual([34, 33, 6]);
  });

  it('orders the categories by holders, most first, when none are known', () => {
    const bars = stackedByTier([
      { code: 'I', name: '信息传输、软件和信息技术服务业', tier: 'specialized_sme', holders: 8, highest_tier_holders: 8 },
      { code: 'C', name: '制造业', tier: 'innovative_sme', holders: 77, highest_tier_holders: 52 },
      { code: 'C', name: '制造业', tier: 'little_giant', holders: 2, highest_tier_holders: 2 },
      { code: 'I', name: '信息传输、软件和信息技术服务业', tier: 'innovative_sme', holders: 6, highest_tier_holders: 3 },
    ]);
    expect(bars.categories.map((c) => c.code)).toEqual(['C', 'I']);
    expect(bars.series).toEqual([
      { tier: 'little_giant', values: [2, 0] },
      { tier: 'specialized_sme', values: [0, 8] },
      { tier: 'innovative_sme', values: [77, 6] },
    ]);
    expect(bars.totals).toEqual([79, 14]);
  });

  it('has empty series for no cells', () => {
    expect(stackedByTier([])).toEqual({
      categories: [],
      series: [
        { tier: 'little_giant', values: [] },
        { tier: 'specialized_sme', values: [] },
        { tier: 'innovative_sme', values: [] },
      ],
      totals: [],
    });
  });
});

describe('trend', () => {
  it('lays new qualifications and year-end holders out over every year of the span, a missing point counting 0', () => {
    const trend: StatsTrend = {
      from: 2021,
      to: 2023,
      items: [
        { year: 2021, tier: 'specialized_sme', new_qualifications: 28, holders_at_year_end: 48 },
        { year: 2021, tier: 'little_giant', new_qualifications: 1, holders_at_year_end: 1 },
        { year: 2022, tier: 'innovative_sme', new_qualifications: 40, holders_at_year_end: 40 },
        { year: 2022, tier: 'specialized_sme', new_qualifications: 28, holders_at_year_end: 76 },
        { year: 2023, tier: 'innovative_sme', new_qualifications: 43, holders_at_year_end: 83 },
        { year: 2023, tier: 'specialized_sme', new_qualifications: 15, holders_at_year_end: 86 },
        { year: 2023, tier: 'little_giant', new_qualifications: 3, holders_at_year_end: 5 },
      ],
    };
    expect(trendSeries(trend)).toEqual({
      years: [2021, 2022, 2023],
      newQualifications: [
        { tier: 'little_giant', values: [1, 0, 3] },
        { tier: 'specialized_sme', values: [28, 28, 15] },
        { tier: 'innovative_sme', values: [0, 40, 43] },
      ],
      holdersAtYearEnd: [
        { tier: 'little_giant', values: [1, 0, 5] },
        { tier: 'specialized_sme', values: [48, 76, 86] },
        { tier: 'innovative_sme', values: [0, 40, 83] },
      ],
    });
  });
});

describe('pipeline', () => {
  const pipeline: StatsPipeline = {
    as_of: '2026-11-27',
    items: [
      { batch_id: 2, batch_name: '2026年省级专精特新中小企业认定', tier: 'specialized_sme', state: 'draft', count: 3 },
      { batch_id: 2, batch_name: '2026年省级专精特新中小企业认定', tier: 'specialized_sme', state: 'county_review', count: 5 },
      { batch_id: 2, batch_name: '2026年省级专精特新中小企业认定', tier: 'specialized_sme', state: 'city_review', count: 2 },
      { batch_id: 2, batch_name: '2026年省级专精特新中小企业认定', tier: 'specialized_sme', state: 'returned', count: 1 },
      { batch_id: 1, batch_name: '2026年第二批省级创新型中小企业评价', tier: 'innovative_sme', state: 'recommended', count: 4 },
      { batch_id: 1, batch_name: '2026年第二批省级创新型中小企业评价', tier: 'innovative_sme', state: 'approved', count: 6 },
      { batch_id: 1, batch_name: '2026年第二批省级创新型中小企业评价', tier: 'innovative_sme', state: 'not_approved', count: 1 },
      { batch_id: 1, batch_name: '2026年第二批省级创新型中小企业评价', tier: 'innovative_sme', state: 'rejected', count: 2 },
      { batch_id: 1, batch_name: '2026年第二批省级创新型中小企业评价', tier: 'innovative_sme', state: 'withdrawn', count: 7 },
    ],
  };

  it('groups the cells by batch', () => {
    const batches = pipelineBatches(pipeline);
    expect(batches.map((b) => [b.id, b.tier, b.total])).toEqual([
      [2, 'specialized_sme', 11],
      [1, 'innovative_sme', 20],
    ]);
    expect(batches[0]?.byState).toMatchObject({ draft: 3, county_review: 5, city_review: 2, returned: 1, recommended: 0, withdrawn: 0 });
  });

  it('counts each funnel stage as the applications that got at least that far, withdrawn ones left out', () => {
    const batches = pipelineBatches(pipeline);
    expect(funnel(batches)).toEqual([
      { stage: 'applied', value: 24 },
      { stage: 'submitted', value: 21 },
      { stage: 'passed_county', value: 13 },
      { stage: 'recommended', value: 11 },
      { stage: 'approved', value: 6 },
    ]);
    expect(funnel(batches.filter((b) => b.id === 2)).map((s) => s.value)).toEqual([11, 8, 2, 0, 0]);
    expect(funnel([]).map((s) => s.value)).toEqual([0, 0, 0, 0, 0]);
    expect(sumStates(batches)).toMatchObject({ draft: 3, returned: 1, rejected: 2, withdrawn: 7, approved: 6 });
  });
});

describe('links to the lists', () => {
  it('opens the qualification list whose rows are the holders clicked', () => {
    expect(qualificationsLink('specialized_sme', { asOf: '2023-06-30' })).toBe('/qualifications?tier=specialized_sme&status=valid&as_of=2023-06-30');
    expect(qualificationsLink('little_giant', { asOf: '2023-06-30', region: '445202', industry: 'C' })).toBe(
      '/qualifications?tier=little_giant&status=valid&as_of=2023-06-30&region=445202&industry=C',
    );
    expect(qualificationsLink('innovative_sme', { asOf: '2026-11-27', expiringWithinDays: 90 })).toBe(
      '/qualifications?tier=innovative_sme&status=valid&as_of=2026-11-27&expiring_within_days=90',
    );
  });

  it('opens the eligible candidates of the cultivation pool', () => {
    expect(poolLink('specialized_sme', {})).toBe('/cultivation?target_tier=specialized_sme&status=eligible');
    expect(poolLink('innovative_sme', { region: '445281', industry: 'C34' })).toBe('/cultivation?target_tier=innovative_sme&status=eligible&region=445281&industry=C34');
  });
});
