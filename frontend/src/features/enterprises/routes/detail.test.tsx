import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import i18n from '@/lib/i18n';
import { annualReport, enterprise, meAs, page, referenceRoutes, workedExample } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

function serve(role: Role, overrides: Parameters<typeof meAs>[1] = {}) {
  mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, overrides) },
    'GET /api/v1/enterprises/7': { body: enterprise() },
  });
}

describe('enterprise detail', () => {
  it('shows every field, with names and dates in the UI language', async () => {
    serve('city_officer');
    renderApp('/enterprises/7');
    const details = await screen.findByTestId('enterprise-details');
    for (const text of ['91445200MA4UQX2Y1B', '榕城区', 'C34 通用设备制造业', '小型', '2015年3月18日', '阀门', '工业阀门', '2016年1月1日', '张三', '13800000000', '李联络', '上市后备']) {
      expect(details).toHaveTextContent(text);
    }
    await i18n.changeLanguage('en-US');
    await waitFor(() => expect(screen.getByTestId('enterprise-details')).toHaveTextContent('Rongcheng District'));
    expect(screen.getByTestId('enterprise-details')).toHaveTextContent('C34 General equipment');
    expect(screen.getByTestId('enterprise-details')).toHaveTextContent('March 18, 2015');
    expect(screen.getByTestId('enterprise-details')).toHaveTextContent('Small');
  });

  it.each([
    ['admin', {}, true],
    ['city_officer', {}, true],
    ['county_officer', { region_code: '445202' }, true],
    ['county_officer', { region_code: '445281' }, false],
    ['leader', {}, false],
    ['enterprise', { enterprise_id: 7 }, true],
  ] as const)('offers edit to %s %j: %s', async (role, overrides, canEdit) => {
    serve(role, overrides);
    renderApp('/enterprises/7');
    await screen.findByTestId('enterprise-details');
    expect(screen.queryByTestId('edit-enterprise') !== null).toBe(canEdit);
  });
});

describe('enterprise tabs', () => {
  it('opens each tab at its own path, and keeps the menu item of the enterprise selected', async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise', { enterprise_id: 7 }) },
      'GET /api/v1/enterprises/7': { body: enterprise({ honours: [], awards: null, abnormal_or_dishonest_listed: false }) },
      'GET /api/v1/enterprises/7/annual-reports': { body: page([annualReport()]) },
      'GET /api/v1/enterprises/7/eligibility': { body: workedExample() },
    });
    const { router } = renderApp('/enterprises/7');
    await screen.findByTestId('enterprise-details');
    const user = userEvent.setup();

    await user.click(screen.getByTestId('enterprise-tab-facts'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises/7/facts'));
    // "None" and "not known" are told apart.
    expect(await screen.findByTestId('facts-honours')).toHaveTextContent('无');
    expect(screen.getByTestId('facts-awards')).toHaveTextContent('未知（尚未填写）');
    expect(screen.queryByTestId('edit-enterprise')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('enterprise-tab-figures'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises/7/figures'));
    expect(await screen.findByTestId('figures-table')).toBeInTheDocument();

    await user.click(screen.getByTestId('enterprise-tab-self-check'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises/7/self-check'));
    expect(await screen.findByTestId('tier-card-innovative_sme')).toBeInTheDocument();
    expect(screen.getByTestId('nav-my-enterprise').closest('.ant-menu-item-selected')).not.toBeNull();

    await user.click(screen.getByTestId('enterprise-tab-profile'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises/7'));
    expect(await screen.findByTestId('edit-enterprise')).toBeInTheDocument();
  });

  it('shows the 404 page for a tab that does not exist', async () => {
    serve('city_officer');
    renderApp('/enterprises/7/nonsense');
    expect(await screen.findByTestId('page-404')).toBeInTheDocument();
  });
});
