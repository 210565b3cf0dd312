import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import i18n from '@/lib/i18n';
import { enterprise, meAs, referenceRoutes } from '@/testing/fixtures';
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
