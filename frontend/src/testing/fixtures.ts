import type { AnnualReport } from '@/features/annual-reports/api/get-annual-reports';
import type { Me, Role } from '@/features/auth/api/get-me';
import type { PoolEntry, PoolRow } from '@/features/cultivation/api/get-pool';
import type { EnterpriseEligibility } from '@/features/eligibility/api/get-eligibility';
import type { Enterprise } from '@/features/enterprises/api/get-enterprises';
import type { IndustrySection } from '@/features/reference/api/get-industries';
import type { Region } from '@/features/reference/api/get-regions';
import workedExampleJson from './eligibility-worked-example.json';

export function meAs(role: Role, overrides: Partial<Me> = {}): Me {
  return {
    id: 1,
    username: role,
    display_name: `${role} 用户`,
    role,
    region_code: role === 'county_officer' ? '445202' : null,
    enterprise_id: role === 'enterprise' ? 7 : null,
    ...overrides,
  };
}

export const regions: Region[] = [
  { code: '445202', name: '榕城区', name_en: 'Rongcheng District', kind: 'district', order: 1 },
  { code: '445281', name: '普宁市', name_en: 'Puning City', kind: 'county_city', order: 5 },
];

export const industries: IndustrySection[] = [
  {
    code: 'C',
    name: '制造业',
    name_en: 'Manufacturing',
    divisions: [{ code: 'C34', name: '通用设备制造业', name_en: 'General equipment' }],
  },
];

export function page<T>(items: T[]) {
  return { items, total: items.length, page: 1, page_size: 20 };
}

export function enterprise(overrides: Partial<Enterprise> = {}): Enterprise {
  return {
    id: 7,
    name: '揭阳示范机械有限公司',
    credit_code: '91445200MA4UQX2Y1B',
    credit_code_override: false,
    region_code: '445202',
    region_name: '榕城区',
    industry_code: 'C34',
    industry_name: '通用设备制造业',
    size_class: 'small',
    founded_on: '2015-03-18',
    address: '榕城区示范路 1 号',
    main_products: '阀门',
    niche_market: '工业阀门',
    niche_market_since: '2016-01-01',
    strategic_emerging: true,
    contact_person: '张三',
    contact_phone: '13800000000',
    liaison_officer_id: 3,
    liaison_officer_name: '李联络',
    tags: ['上市后备'],
    version: 4,
    created_at: '2024-01-02T03:04:05Z',
    updated_at: '2024-02-03T04:05:06Z',
    ...overrides,
  };
}

/** referenceRoutes answers the public reference data every form needs. */
export const referenceRoutes = {
  'GET /api/v1/regions': { body: page(regions) },
  'GET /api/v1/industries': { body: page(industries) },
};

/** annualReport is a filed year of figures (money in yuan), as the API answers it. */
export function annualReport(overrides: Partial<AnnualReport> = {}): AnnualReport {
  return {
    enterprise_id: 7,
    year: 2025,
    employees: 120,
    rd_staff: 24,
    operating_revenue: 50_000_000,
    main_business_revenue: 44_000_000,
    rd_expense: 2_000_000,
    net_profit: 4_000_000,
    total_assets: 60_000_000,
    total_liabilities: 30_000_000,
    equity_financing: 0,
    ip: { class1: 2, class1_self_developed: 1, class1_high_value: 0, class2: 0, class1_applied: 0 },
    rd_institution: 'city',
    digital_level: 3,
    quality: { award: false, certified: true, own_brand: true, standards: false },
    info_system_core_business: false,
    management_certified: false,
    national_market_share: 0.02,
    local_score: 9,
    quality_score: null,
    market_position_leading: null,
    domestic_rank: null,
    version: 3,
    created_at: '2025-03-01T02:00:00Z',
    updated_at: '2025-04-01T02:00:00Z',
    ...overrides,
  };
}

/**
 * workedExample is the self-check of CRITERIA.md's worked example as the server evaluates it
 * (specialised SME eligible by a score of 68), with 2022's R&D expense and the 创客中国 places
 * left out so that the evaluation lists missing inputs.
 */
export function workedExample(): EnterpriseEligibility {
  return structuredClone(workedExampleJson) as EnterpriseEligibility;
}

/** poolRow is a candidate of the cultivation pool, as the API answers it. */
export function poolRow(overrides: Partial<PoolRow> = {}): PoolRow {
  return {
    enterprise_id: 7,
    name: '揭阳示范机械有限公司',
    credit_code: '91445200MA4UQX2Y1B',
    region_code: '445202',
    region_name: '榕城区',
    industry_code: 'C34',
    size_class: 'small',
    target_tier: 'specialized_sme',
    report_year: 2025,
    ruleset: 'miit-2022',
    eligible: false,
    route: null,
    score: 47,
    score_gap: 13,
    gaps: [
      {
        code: 'C2',
        group: 'conditions',
        label: '上年度研发费用总额不低于100万元，且占营业收入总额比重不低于3%',
        value: { rd_expense: 800_000, rd_ratio: 0.021 },
        requirement: 'R&D expense >= 1,000,000 and R&D ratio >= 3%',
        status: 'unmet',
        points: null,
        max_points: null,
      },
      {
        code: 'C4',
        group: 'conditions',
        label: '评价指标得分达到60分以上或满足特定条件之一',
        value: { score: 47, alternative: false },
        requirement: 'score >= 60, or one of the alternatives',
        status: 'unmet',
        points: null,
        max_points: null,
      },
    ],
    missing: [],
    entry: null,
    ...overrides,
  };
}

export function poolEntry(overrides: Partial<PoolEntry> = {}): PoolEntry {
  return {
    id: 11,
    enterprise_id: 7,
    target_tier: 'specialized_sme',
    owner_id: 3,
    owner_name: '李联络',
    note: '重点培育',
    follow_up_on: '2026-12-15',
    created_by: 'county',
    version: 2,
    created_at: '2026-01-02T03:04:05Z',
    updated_at: '2026-01-02T03:04:05Z',
    ...overrides,
  };
}
