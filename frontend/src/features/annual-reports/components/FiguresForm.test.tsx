import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import { annualReport, enterprise, meAs, page, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi, type MockReply } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

/** The antd Form.Item that holds an input, to look for the message shown under it. */
function formItemOf(el: HTMLElement): HTMLElement {
  const item = el.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error('not inside a Form.Item');
  return item;
}

type Put = MockReply | ((req: { body: unknown }) => MockReply);

function serve(role: Role, put: Put, reports = [annualReport()]) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, role === 'enterprise' ? { enterprise_id: 7 } : {}) },
    'GET /api/v1/enterprises/7': { body: enterprise() },
    'GET /api/v1/enterprises/7/annual-reports': { body: page(reports) },
    'PUT /api/v1/enterprises/7/annual-reports/2025': put,
    'PUT /api/v1/enterprises/7/annual-reports/2024': put,
  });
}

const saved: Put = ({ body }) => ({ body: annualReport({ ...(body as object), version: 4 }) });

describe('annual figures form', () => {
  it('lists the years filed with key figures in 万元', async () => {
    serve('city_officer', saved);
    renderApp('/enterprises/7/figures');
    const table = await screen.findByTestId('figures-table');
    // 50,000,000 yuan of revenue is 5,000 万元; 2,000,000 of R&D expense is 200 万元.
    await waitFor(() => expect(table).toHaveTextContent('2025年'));
    expect(table).toHaveTextContent('5,000');
    expect(table).toHaveTextContent('200');
    expect(table).toHaveTextContent('营业收入（万元）');
  });

  it('enters money in 万元 and sends whole yuan; an emptied input is sent as null, not 0', async () => {
    const { callsTo } = serve('city_officer', saved);
    const { router } = renderApp('/enterprises/7/figures?year=2025');
    const rd = await screen.findByLabelText('研发费用');
    // The stored 2,000,000 yuan shows as 200 万元.
    await waitFor(() => expect(rd).toHaveValue('200'));
    const user = userEvent.setup();
    await user.clear(rd);
    await user.type(rd, '1234.5678');
    await user.clear(screen.getByLabelText('净利润'));
    await user.clear(screen.getByLabelText('主导产品全国细分市场占有率'));
    await user.type(screen.getByLabelText('主导产品全国细分市场占有率'), '12.5');
    await user.click(screen.getByTestId('figures-submit'));

    await waitFor(() => expect(callsTo('PUT', '/api/v1/enterprises/7/annual-reports/2025')).toHaveLength(1));
    const body = callsTo('PUT', '/api/v1/enterprises/7/annual-reports/2025')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      version: 3,
      rd_expense: 12_345_678,
      net_profit: null,
      operating_revenue: 50_000_000,
      national_market_share: 0.125,
      employees: 120,
      ip: { class1: 2, class1_self_developed: 1, class1_high_value: 0, class2: 0, class1_applied: 0 },
      quality: { award: false, certified: true, own_brand: true, standards: false },
      rd_institution: 'city',
      digital_level: 3,
      local_score: 9,
      quality_score: null,
      market_position_leading: null,
      domestic_rank: null,
    });
    // Saved: back to the list of years.
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('2025 年度数据已保存')).toBeInTheDocument();
  });

  it("shows the server's field error for ip.class1 under the Class I IP input", async () => {
    serve(
      'county_officer',
      apiError(422, 'validation_failed', '输入有误', [
        { field: 'ip.class1', message: '不能小于 0' },
        { field: 'rd_staff', message: '研发人员不能多于从业人员' },
      ]),
    );
    renderApp('/enterprises/7/figures?year=2025');
    const class1 = await screen.findByLabelText('Ⅰ类知识产权');
    await userEvent.setup().click(screen.getByTestId('figures-submit'));
    await waitFor(() => expect(within(formItemOf(class1)).getByText('不能小于 0')).toBeInTheDocument());
    expect(within(formItemOf(screen.getByLabelText('研发人员'))).getByText('研发人员不能多于从业人员')).toBeInTheDocument();
  });

  it("shows an enterprise user the bureau's assessments but does not let it change them", async () => {
    const { callsTo } = serve('enterprise', saved, [annualReport({ market_position_leading: true })]);
    renderApp('/enterprises/7/figures?year=2025');
    const local = await screen.findByLabelText('地方特色指标得分');
    expect(local).toBeDisabled();
    await waitFor(() => expect(local).toHaveValue('9'));
    const leading = formItemOf(screen.getByText('细分市场占有率位居前列'));
    for (const radio of within(leading).getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(screen.getAllByText('本项由主管部门评定，企业用户不能修改。')).toHaveLength(2);
    // The rest is the enterprise's to change.
    expect(screen.getByLabelText('研发费用')).toBeEnabled();
    expect(screen.getByLabelText('国内细分市场排名')).toBeEnabled();

    await userEvent.setup().click(screen.getByTestId('figures-submit'));
    await waitFor(() => expect(callsTo('PUT', '/api/v1/enterprises/7/annual-reports/2025')).toHaveLength(1));
    // The assessments go back as they were, so the server sees no change to them.
    expect(callsTo('PUT', '/api/v1/enterprises/7/annual-reports/2025')[0]?.body).toMatchObject({ local_score: 9, market_position_leading: true });
  });

  it('files a new year, chosen among the recent years not filed, without a version', async () => {
    const thisYear = new Date().getFullYear();
    const target = thisYear - 2;
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise', { enterprise_id: 7 }) },
      'GET /api/v1/enterprises/7': { body: enterprise() },
      'GET /api/v1/enterprises/7/annual-reports': { body: page([annualReport({ year: thisYear - 1 })]) },
      [`PUT /api/v1/enterprises/7/annual-reports/${target}`]: ({ body }) => ({
        status: 201,
        body: annualReport({ ...(body as object), year: target, version: 1 }),
      }),
    });
    const user = userEvent.setup();
    renderApp('/enterprises/7/figures');
    await user.click(await screen.findByTestId('figures-new'));
    const year = await screen.findByTestId('figures-year');
    fireEvent.mouseDown(within(year).getByRole('combobox'));
    // The last complete year is filed already; the ones before it are offered.
    expect(await screen.findByTitle(`${target}年`)).toBeInTheDocument();
    expect(screen.queryByTitle(`${thisYear - 1}年`)).not.toBeInTheDocument();
    expect(screen.queryByTitle(`${thisYear}年`)).not.toBeInTheDocument();
    await user.click(screen.getByTitle(`${target}年`));
    await user.type(screen.getByLabelText('营业收入'), '100');
    await user.click(screen.getByTestId('figures-submit'));

    await waitFor(() => expect(callsTo('PUT', `/api/v1/enterprises/7/annual-reports/${target}`)).toHaveLength(1));
    const body = callsTo('PUT', `/api/v1/enterprises/7/annual-reports/${target}`)[0]?.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('version');
    expect(body).toMatchObject({ operating_revenue: 1_000_000, rd_expense: null, employees: null, ip: null, quality: null, local_score: null });
  });

  it('reloads the year when someone else saved it first', async () => {
    let version = 3;
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('admin') },
      'GET /api/v1/enterprises/7': { body: enterprise() },
      'GET /api/v1/enterprises/7/annual-reports': () => ({ body: page([annualReport({ version, employees: version > 3 ? 130 : 120 })]) }),
      'PUT /api/v1/enterprises/7/annual-reports/2025': () => ((version = 4), apiError(409, 'stale_version', '记录已被修改')),
    });
    renderApp('/enterprises/7/figures?year=2025');
    const employees = await screen.findByLabelText('从业人员');
    await waitFor(() => expect(employees).toHaveValue('120'));
    await userEvent.setup().click(screen.getByTestId('figures-submit'));
    expect(await screen.findByText('该记录已被他人修改，已为您重新加载最新内容，请核对后再保存。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('从业人员')).toHaveValue('130'));
  });
});
