import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { qualification, qualificationDetail } from '@/testing/workflow-fixtures';

const rows = [
  qualification({ id: 42, enterprise_id: 8, enterprise_name: '揭阳榕城精密铸造有限公司', tier: 'specialized_sme', valid_until: '2026-12-15', status: 'expiring' }),
  qualification(),
];

function serve(role: Role) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role) },
    'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } },
    'GET /api/v1/qualifications': { body: page(rows) },
    'GET /api/v1/qualifications/41': { body: qualificationDetail() },
    'POST /api/v1/qualifications/41/revoke': ({ body }) => ({
      body: qualificationDetail({ revoked_on: '2026-11-27', status: 'revoked', revoke_reason_code: (body as { reason_code: string }).reason_code, revoked_by: 'city' }),
    }),
  });
}

describe('qualifications', () => {
  it('lists those in force by default, with the days left of an expiring one', async () => {
    const { callsTo } = serve('county_officer');
    renderApp('/qualifications');
    const expiring = await screen.findByTestId('qualification-row-42');
    expect(within(expiring).getByTestId('qualification-status')).toHaveTextContent('即将到期');
    expect(expiring).toHaveTextContent('剩 18 天');
    expect(within(screen.getByTestId('qualification-row-41')).getByTestId('qualification-valid-until')).toHaveTextContent('2027年6月20日');
    const asked = callsTo('GET', '/api/v1/qualifications')[0]?.url.searchParams;
    expect(asked?.get('status')).toBe('valid');
    expect(asked?.get('region')).toBe('445202');
    // Recording and revoking are the city's.
    expect(screen.queryByTestId('record-qualification')).not.toBeInTheDocument();
  });

  it('asks for the expiring filter, the date and every status by the URL, and exports the same list', async () => {
    const { callsTo } = serve('city_officer');
    renderApp('/qualifications?expiring_within_days=90&as_of=2026-12-01&status=all&tier=specialized_sme');
    await screen.findByTestId('qualification-row-42');
    const asked = callsTo('GET', '/api/v1/qualifications')[0]?.url.searchParams;
    expect(Object.fromEntries(asked ?? [])).toEqual({ tier: 'specialized_sme', expiring_within_days: '90', as_of: '2026-12-01', page: '1', page_size: '20' });
    const exported = new URL(screen.getByTestId('qualifications-export').getAttribute('href') ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(exported)).toEqual({ tier: 'specialized_sme', expiring_within_days: '90', as_of: '2026-12-01', format: 'xlsx', lang: 'zh-CN' });
    fireEvent.mouseDown(within(screen.getByTestId('qualification-filter-expiring')).getByRole('combobox'));
    expect(await screen.findByTitle('180 天内到期')).toBeInTheDocument();
  });

  it('lets the city revoke one on a ground of CRITERIA.md, with a reason', async () => {
    const { callsTo } = serve('city_officer');
    const { router } = renderApp('/qualifications');
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId('qualification-row-41')).getByTestId('qualification-open'));
    await waitFor(() => expect(router.state.location.search).toBe('?open=41'));
    const detail = await screen.findByTestId('qualification-detail');
    expect(detail).toHaveTextContent('粤工信融资函〔2024〕33号');
    expect(screen.getByTestId('qualification-events')).toHaveTextContent('有效期至 2027年6月20日');
    await user.click(screen.getByTestId('revoke-qualification'));
    const dialog = (await screen.findByTestId('revoke-form')).closest('.ant-modal') as HTMLElement;
    expect(dialog).toHaveTextContent('撤销资质：揭阳示范机械有限公司 · 创新型中小企业');
    await user.click(within(dialog).getByTestId('revoke-submit'));
    await waitFor(() => expect(within(dialog).getAllByText('此项为必填项')).toHaveLength(2));
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    await user.click(await screen.findByTitle('被列入经营异常名录或失信名单'));
    await user.type(within(dialog).getByTestId('revoke-reason'), '2026年11月列入严重失信主体名单');
    await user.click(within(dialog).getByTestId('revoke-submit'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/qualifications/41/revoke')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/qualifications/41/revoke')[0]?.body).toEqual({ reason_code: 'abnormal_or_dishonest_list', reason: '2026年11月列入严重失信主体名单' });
  });
});

describe('my qualifications', () => {
  it('shows the enterprise its own, and calls out one about to expire', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise', { enterprise_id: 7 }) },
      'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } },
      'GET /api/v1/enterprises/7/qualifications': { body: page([qualification({ status: 'expiring', valid_until: '2026-12-15' })]) },
    });
    renderApp('/my-qualifications');
    expect(await screen.findByTestId('expiring-notice-41')).toHaveTextContent('创新型中小企业资质将于 2026年12月15日 到期（剩 18 天）');
    expect(within(screen.getByTestId('qualification-row-41')).getByTestId('qualification-tier')).toHaveTextContent('创新型中小企业');
    expect(callsTo('GET', '/api/v1/qualifications')).toHaveLength(0);
  });
});
