import type { Me, Role } from '@/features/auth/api/get-me';

/** The workflow's menu items (batches, applications and their review, qualifications), named in its own locale files. */
const WORKFLOW_NAV_KEYS = ['review', 'applications', 'batches', 'qualifications', 'my-applications', 'my-qualifications'] as const;
type WorkflowNavKey = (typeof WORKFLOW_NAV_KEYS)[number];

/** The annual update's menu items, named in the notices' locale files. */
const NOTICES_NAV_KEYS = ['annual-updates', 'cancellation-proposals'] as const;
type NoticesNavKey = (typeof NOTICES_NAV_KEYS)[number];

export type NavKey = 'dashboard' | 'enterprises' | 'cultivation' | 'imports' | 'registrations' | 'users' | 'regions' | 'audit' | 'my-enterprise' | WorkflowNavKey | NoticesNavKey;

export type NavItem = {
  key: NavKey;
  path: string;
  // The dashboard and the imports are named in their own locale files too.
  labelKey: `nav.${Exclude<NavKey, WorkflowNavKey | NoticesNavKey | 'dashboard' | 'imports'>}` | `workflow.nav.${WorkflowNavKey}` | `notices.nav.${NoticesNavKey}` | 'dashboard.nav' | 'imports.nav';
};

const isWorkflowNavKey = (key: NavKey): key is WorkflowNavKey => (WORKFLOW_NAV_KEYS as readonly string[]).includes(key);
const isNoticesNavKey = (key: NavKey): key is NoticesNavKey => (NOTICES_NAV_KEYS as readonly string[]).includes(key);

function navItem(key: NavKey, path = `/${key}`): NavItem {
  if (key === 'dashboard') return { key, path, labelKey: 'dashboard.nav' };
  if (key === 'imports') return { key, path, labelKey: 'imports.nav' };
  if (isNoticesNavKey(key)) return { key, path, labelKey: `notices.nav.${key}` };
  return { key, path, labelKey: isWorkflowNavKey(key) ? `workflow.nav.${key}` : `nav.${key}` };
}

const OFFICER_MENUS: Record<Exclude<Role, 'enterprise'>, NavKey[]> = {
  admin: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'users', 'regions', 'audit', 'dashboard'],
  city_officer: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'audit', 'dashboard'],
  county_officer: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'dashboard'],
  // A leader lands on the dashboard.
  leader: ['dashboard', 'enterprises', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation'],
};

/** navItemsFor is the side menu of a role; the first item is where sign-in lands. */
export function navItemsFor(me: Pick<Me, 'role' | 'enterprise_id'>): NavItem[] {
  if (me.role === 'enterprise') {
    if (!me.enterprise_id) return [navItem('my-enterprise', '/no-enterprise')];
    // An enterprise user's applications are its own: the same list, named as its own.
    return [navItem('my-enterprise', `/enterprises/${me.enterprise_id}`), navItem('my-applications', '/applications'), navItem('my-qualifications')];
  }
  return OFFICER_MENUS[me.role].map((key) => navItem(key));
}

export function landingPath(me: Pick<Me, 'role' | 'enterprise_id'>): string {
  return navItemsFor(me)[0]?.path ?? '/';
}

/** Which roles may open each area; the server decides what they see there. */
export const ROUTE_ROLES = {
  // Statistics are for leaders, officers (a county officer's of its region only: the server scopes) and the admin.
  dashboard: ['admin', 'city_officer', 'county_officer', 'leader'],
  enterprises: ['admin', 'city_officer', 'county_officer', 'leader'],
  enterpriseCreate: ['admin', 'city_officer', 'county_officer'],
  enterpriseEdit: ['admin', 'city_officer', 'county_officer', 'enterprise'],
  cultivation: ['admin', 'city_officer', 'county_officer', 'leader'],
  registrations: ['admin', 'city_officer', 'county_officer'],
  users: ['admin'],
  regions: ['admin'],
  audit: ['admin', 'city_officer'],
  // The review queue is the stages' (county, city); everyone reads applications in scope, an enterprise its own.
  review: ['admin', 'city_officer', 'county_officer'],
  applications: ['admin', 'city_officer', 'county_officer', 'leader', 'enterprise'],
  batches: ['admin', 'city_officer', 'county_officer', 'leader'],
  qualifications: ['admin', 'city_officer', 'county_officer', 'leader'],
  myQualifications: ['enterprise'],
  // Officers import the registry and figures (a county officer within its region); historic qualifications only the city and the admin (the server checks).
  imports: ['admin', 'city_officer', 'county_officer'],
  // Officers within their scope and leaders read the annual update and the proposed cancellations; the city decides (the server checks).
  annualUpdates: ['admin', 'city_officer', 'county_officer', 'leader'],
  cancellationProposals: ['admin', 'city_officer', 'county_officer', 'leader'],
} as const satisfies Record<string, readonly Role[]>;

export function selectedNavKey(pathname: string, items: NavItem[]): NavKey | undefined {
  const exact = items.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`));
  return exact?.key;
}
