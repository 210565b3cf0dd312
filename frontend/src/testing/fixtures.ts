import type { Me, Role } from '@/features/auth/api/get-me';
import type { Enterprise } from '@/features/enterprises/api/get-enterprises';
import type { IndustrySection } from '@/features/reference/api/get-industries';
import type { Region } from '@/features/reference/api/get-regions';

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
