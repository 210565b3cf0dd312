import type { Me, Role } from '@/features/auth/api/get-me';

export type NavKey = 'enterprises' | 'cultivation' | 'registrations' | 'users' | 'regions' | 'audit' | 'my-enterprise';

export type NavItem = { key: NavKey; path: string; labelKey: `nav.${NavKey}` };

const OFFICER_MENUS: Record<Exclude<Role, 'enterprise'>, NavKey[]> = {
  admin: ['enterprises', 'cultivation', 'registrations', 'users', 'regions', 'audit'],
  city_officer: ['enterprises', 'cultivation', 'registrations', 'audit'],
  county_officer: ['enterprises', 'cultivation', 'registrations'],
  leader: ['enterprises', 'cultivation'],
};

/** navItemsFor is the side menu of a role; the first item is where sign-in lands. */
export function navItemsFor(me: Pick<Me, 'role' | 'enterprise_id'>): NavItem[] {
  if (me.role === 'enterprise') {
    const path = me.enterprise_id ? `/enterprises/${me.enterprise_id}` : '/no-enterprise';
    return [{ key: 'my-enterprise', path, labelKey: 'nav.my-enterprise' }];
  }
  return OFFICER_MENUS[me.role].map((key) => ({ key, path: `/${key}`, labelKey: `nav.${key}` }));
}

export function landingPath(me: Pick<Me, 'role' | 'enterprise_id'>): string {
  return navItemsFor(me)[0]?.path ?? '/';
}

/** Which roles may open each area; the server decides what they see there. */
export const ROUTE_ROLES = {
  enterprises: ['admin', 'city_officer', 'county_officer', 'leader'],
  enterpriseCreate: ['admin', 'city_officer', 'county_officer'],
  enterpriseEdit: ['admin', 'city_officer', 'county_officer', 'enterprise'],
  cultivation: ['admin', 'city_officer', 'county_officer', 'leader'],
  registrations: ['admin', 'city_officer', 'county_officer'],
  users: ['admin'],
  regions: ['admin'],
  audit: ['admin', 'city_officer'],
} as const satisfies Record<string, readonly Role[]>;

export function selectedNavKey(pathname: string, items: NavItem[]): NavKey | undefined {
  const exact = items.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  return exact?.key;
}
