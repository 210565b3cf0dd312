import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import { enterprise, meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { applicationDetail } from '@/testing/workflow-fixtures';
import { landingPath, navItemsFor } from './menu';

const MENUS: Record<Role, { keys: string[]; labels: string[] }> = {
  admin: {
    keys: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'users', 'regions', 'audit', 'dashboard'],
    labels: ['企业库', '待办', '申报', '申报批次', '资质', '年度数据更新', '拟撤销名单', '培育库', '数据导入', '注册审核', '用户管理', '区域管理', '审计日志', '数据看板'],
  },
  city_officer: {
    keys: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'audit', 'dashboard'],
    labels: ['企业库', '待办', '申报', '申报批次', '资质', '年度数据更新', '拟撤销名单', '培育库', '数据导入', '注册审核', '审计日志', '数据看板'],
  },
  county_officer: {
    keys: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'dashboard'],
    labels: ['企业库', '待办', '申报', '申报批次', '资质', '年度数据更新', '拟撤销名单', '培育库', '数据导入', '注册审核', '数据看板'],
  },
  leader: {
    keys: ['dashboard', 'enterprises', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation'],
    labels: ['数据看板', '企业库', '申报', '申报批次', '资质', '年度数据更新', '拟撤销名单', '培育库'],
  },
  enterprise: { keys: ['my-enterprise', 'my-applications', 'my-qualifications'], labels: ['我的企业', '我的申报', '我的资质'] },
};

describe('navItemsFor', () => {
  it.each(Object.entries(MENUS))('gives %s its menu', (role, { keys }) => {
    expect(navItemsFor(meAs(role as Role)).map((i) => i.key)).toEqual(keys);
  });

  it("points an enterprise user's menu at its own enterprise", () => {
    expect(navItemsFor(meAs('enterprise', { enterprise_id: 42 }))[0]?.path).toBe('/enterprises/42');
    expect(landingPath(meAs('enterprise', { enterprise_id: 42 }))).toBe('/enterprises/42');
  });

  it('lands everyone else on the first item', () => {
    expect(landingPath(meAs('admin'))).toBe('/enterprises');
  });

  it('lands a leader on the dashboard', () => {
    expect(landingPath(meAs('leader'))).toBe('/dashboard');
  });
});

describe('side menu', () => {
  it.each(Object.entries(MENUS))('shows %s exactly its items', async (role, { keys, labels }) => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs(role as Role) },
      'GET /api/v1/enterprises': { body: page([]) },
      'GET /api/v1/enterprises/7': { body: enterprise() },
    });
    renderApp('/');
    const menu = await screen.findByTestId('side-menu');
    const links = await within(menu).findAllByRole('link');
    expect(links.map((a) => a.getAttribute('data-testid'))).toEqual(keys.map((k) => `nav-${k}`));
    expect(links.map((a) => a.textContent)).toEqual(labels);
    expect(screen.getByTestId('current-user-role')).toHaveTextContent(
      { admin: '系统管理员', city_officer: '市局工作人员', county_officer: '县区工作人员', leader: '领导', enterprise: '企业用户' }[role as Role],
    );
  });
});

describe('cultivation pool page', () => {
  it("is in every menu but the enterprise user's", () => {
    for (const role of ['admin', 'city_officer', 'county_officer', 'leader'] as const) expect(navItemsFor(meAs(role)).map((i) => i.key), role).toContain('cultivation');
    expect(navItemsFor(meAs('enterprise')).map((i) => i.key)).not.toContain('cultivation');
  });

  it('shows an enterprise user the 403 page', async () => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/auth/me': { body: meAs('enterprise') } });
    renderApp('/cultivation');
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
  });
});

describe('regions page', () => {
  const others = (Object.keys(MENUS) as Role[]).filter((r) => r !== 'admin');

  it('is in the admin menu only', () => {
    expect(navItemsFor(meAs('admin')).map((i) => i.key)).toContain('regions');
    for (const role of others) expect(navItemsFor(meAs(role)).map((i) => i.key), role).not.toContain('regions');
  });

  it.each(others)('shows %s the 403 page', async (role) => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/auth/me': { body: meAs(role) } });
    renderApp('/regions');
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-regions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('regions-table')).not.toBeInTheDocument();
  });
});

describe('imports page', () => {
  it("is in the officers' menus only", () => {
    for (const role of ['admin', 'city_officer', 'county_officer'] as const) expect(navItemsFor(meAs(role)).map((i) => i.key), role).toContain('imports');
    for (const role of ['leader', 'enterprise'] as const) expect(navItemsFor(meAs(role)).map((i) => i.key), role).not.toContain('imports');
  });

  it.each(['leader', 'enterprise'] as const)('shows %s the 403 page', async (role) => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/auth/me': { body: meAs(role) } });
    renderApp('/imports/3');
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
    expect(screen.queryByTestId('import-upload')).not.toBeInTheDocument();
  });
});

describe('workflow pages', () => {
  it("give each role the workflow's items the server lets it use", () => {
    const keys = (role: Role) => navItemsFor(meAs(role)).map((i) => i.key);
    // The review queue is the stages' (county, city); the leader reads, the enterprise has its own.
    for (const role of ['admin', 'city_officer', 'county_officer'] as const) expect(keys(role), role).toEqual(expect.arrayContaining(['review', 'applications', 'batches', 'qualifications']));
    expect(keys('leader')).toEqual(expect.arrayContaining(['applications', 'batches', 'qualifications']));
    expect(keys('leader')).not.toContain('review');
    expect(keys('enterprise')).toEqual(['my-enterprise', 'my-applications', 'my-qualifications']);
    expect(navItemsFor(meAs('enterprise')).find((i) => i.key === 'my-applications')?.path).toBe('/applications');
  });

  it.each([
    ['leader', '/review'],
    ['enterprise', '/review'],
    ['enterprise', '/batches'],
    ['enterprise', '/batches/13'],
    ['enterprise', '/qualifications'],
    ['city_officer', '/my-qualifications'],
  ] as const)('shows %s the 403 page at %s', async (role, path) => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/auth/me': { body: meAs(role) }, 'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } } });
    renderApp(path);
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
  });

  it("keeps an enterprise user's menu item selected on its application's page", async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise') },
      'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } },
      'GET /api/v1/applications/318': { body: applicationDetail({ state: 'draft', steps: [], submitted_at: null }) },
      'GET /api/v1/enterprises/7/annual-reports': { body: page([]) },
    });
    renderApp('/applications/318');
    await screen.findByTestId('application-info');
    expect(screen.getByTestId('nav-my-applications').closest('.ant-menu-item-selected')).not.toBeNull();
  });
});
