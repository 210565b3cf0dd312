import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { enterprise, meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

async function chooseRole(dialog: HTMLElement, label: string) {
  fireEvent.mouseDown(within(within(dialog).getByTestId('user-role')).getByRole('combobox'));
  await userEvent.setup().click(await screen.findByTitle(label));
}

describe('user form', () => {
  it('asks a county officer for a region and an enterprise user for an enterprise', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('admin') },
      'GET /api/v1/users': { body: page([]) },
      'GET /api/v1/enterprises': { body: page([enterprise()]) },
      'POST /api/v1/users': ({ body }) => ({ status: 201, body: { ...(body as object), id: 9, status: 'active', version: 1 } }),
    });
    renderApp('/users');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-user'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('用户名'), 'county9');
    await user.type(within(dialog).getByLabelText('密码'), 'abcd12345');
    await user.type(within(dialog).getByLabelText('姓名'), '县区九');

    await chooseRole(dialog, '县区工作人员');
    expect(await within(dialog).findByText('县区工作人员必须关联一个区域')).toBeInTheDocument();
    expect(within(dialog).queryByTestId('enterprise-select')).not.toBeInTheDocument();

    await chooseRole(dialog, '企业用户');
    expect(await within(dialog).findByTestId('enterprise-select')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    expect(await within(dialog).findByText('此项为必填项')).toBeInTheDocument();

    fireEvent.mouseDown(within(within(dialog).getByTestId('enterprise-select')).getByRole('combobox'));
    await user.click(await screen.findByTitle('揭阳示范机械有限公司 (91445200MA4UQX2Y1B)'));
    await user.click(within(dialog).getByRole('button', { name: /创\s*建/ }));
    await waitFor(() => expect(callsTo('POST', '/api/v1/users')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/users')[0]?.body).toEqual({
      username: 'county9',
      password: 'abcd12345',
      display_name: '县区九',
      phone: null,
      role: 'enterprise',
      region_code: null,
      enterprise_id: 7,
    });
  });
});
