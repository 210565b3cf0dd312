import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { enterprise, meAs, page, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const officers = page([{ id: 3, username: 'liaison', display_name: '李联络', role: 'county_officer', region_code: '445202' }]);

/** The antd Form.Item that holds an input, to look for the message shown under it. */
function formItemOf(el: HTMLElement): HTMLElement {
  const item = el.closest('.ant-form-item');
  if (!(item instanceof HTMLElement)) throw new Error('not inside a Form.Item');
  return item;
}

describe('enterprise edit form', () => {
  it("shows the server's credit_code error under the credit code input", async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('city_officer') },
      'GET /api/v1/enterprises/7': { body: enterprise() },
      'GET /api/v1/officers': { body: officers },
      'PATCH /api/v1/enterprises/7': apiError(422, 'validation_failed', '输入有误', [
        { field: 'credit_code', message: '统一社会信用代码校验位不正确' },
      ]),
    });
    renderApp('/enterprises/7/edit');
    const input = await screen.findByTestId('credit-code-input');
    const user = userEvent.setup();
    await user.clear(input);
    await user.type(input, '91445200ma4uqx2y1c');
    await user.click(screen.getByTestId('enterprise-submit'));

    await waitFor(() => expect(within(formItemOf(input)).getByText('统一社会信用代码校验位不正确')).toBeInTheDocument());
    const [patch] = callsTo('PATCH', '/api/v1/enterprises/7');
    // Only what changed, upper-cased, with the version read and the override that goes with a new code.
    expect(patch?.body).toEqual({ version: 4, credit_code: '91445200MA4UQX2Y1C', credit_code_override: false });
  });

  it('lets an enterprise user change its profile but not the fields the bureau keeps', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise', { enterprise_id: 7 }) },
      'GET /api/v1/enterprises/7': { body: enterprise() },
      'PATCH /api/v1/enterprises/7': ({ body }) => ({ body: enterprise({ ...(body as object), version: 5 }) }),
    });
    const { router } = renderApp('/enterprises/7/edit');
    const creditCode = await screen.findByTestId('credit-code-input');
    expect(creditCode).toBeDisabled();
    expect(screen.getByLabelText('企业名称')).toBeDisabled();
    expect(screen.queryByTestId('credit-code-override')).not.toBeInTheDocument();

    const user = userEvent.setup();
    const phone = screen.getByLabelText('联系电话');
    await user.clear(phone);
    await user.type(phone, '13900000000');
    await user.click(screen.getByTestId('enterprise-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises/7'));
    expect(callsTo('PATCH', '/api/v1/enterprises/7')[0]?.body).toEqual({ version: 4, contact_phone: '13900000000' });
    // The enterprise user never asks for the officer list (the server would refuse it).
    expect(callsTo('GET', '/api/v1/officers')).toHaveLength(0);
  });

  it('reloads the record when someone else changed it first', async () => {
    let version = 4;
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('admin') },
      'GET /api/v1/enterprises/7': () => ({ body: enterprise({ version, address: version > 4 ? '新地址' : '旧地址' }) }),
      'GET /api/v1/officers': { body: officers },
      'PATCH /api/v1/enterprises/7': () => ((version = 5), apiError(409, 'stale_version', '记录已被修改')),
    });
    renderApp('/enterprises/7/edit');
    const address = await screen.findByLabelText('地址');
    await waitFor(() => expect(address).toHaveValue('旧地址'));
    const user = userEvent.setup();
    await user.type(address, '（改）');
    await user.click(screen.getByTestId('enterprise-submit'));
    expect(await screen.findByText('该记录已被他人修改，已为您重新加载最新内容，请核对后再保存。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('地址')).toHaveValue('新地址'));
  });
});

describe('enterprise create form', () => {
  it('fixes a county officer to its own region and shows server field errors', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('county_officer') },
      'GET /api/v1/officers': { body: officers },
      'POST /api/v1/enterprises': apiError(422, 'validation_failed', '输入有误', [
        { field: 'credit_code', message: '统一社会信用代码校验位不正确' },
      ]),
    });
    renderApp('/enterprises/new');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('企业名称'), '揭阳新企业有限公司');
    const creditCode = screen.getByTestId('credit-code-input');
    await user.type(creditCode, '91445200MA4UQX2Y1C');

    // The region is preset to the officer's own and cannot be changed.
    const region = within(screen.getByTestId('enterprise-form')).getByText('榕城区');
    expect(formItemOf(region).querySelector('.ant-select-disabled')).not.toBeNull();

    // Pick the industry: section C, then division C34.
    fireEvent.mouseDown(within(screen.getByTestId('industry-cascader')).getByRole('combobox'));
    await user.click(await screen.findByText('C 制造业'));
    await user.click(await screen.findByText('C34 通用设备制造业'));

    await user.click(screen.getByTestId('enterprise-submit'));
    await waitFor(() => expect(within(formItemOf(creditCode)).getByText('统一社会信用代码校验位不正确')).toBeInTheDocument());
    expect(callsTo('POST', '/api/v1/enterprises')[0]?.body).toMatchObject({
      name: '揭阳新企业有限公司',
      credit_code: '91445200MA4UQX2Y1C',
      region_code: '445202',
      industry_code: 'C34',
      tags: [],
    });
  });
});
