import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

describe('change password', () => {
  it('opens from the header and shows a wrong current password under its input', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('leader') },
      'GET /api/v1/enterprises': { body: page([]) },
      'POST /api/v1/auth/password': apiError(422, 'validation_failed', '输入有误', [{ field: 'current_password', message: '当前密码不正确' }]),
    });
    renderApp('/enterprises');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByTestId('change-password'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('当前密码'), 'old-pass-1');
    await user.type(within(dialog).getByLabelText('新密码'), 'abc');
    await user.type(within(dialog).getByLabelText('确认密码'), 'abd');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('密码至少 8 位')).toBeInTheDocument();
    expect(within(dialog).getByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(callsTo('POST', '/api/v1/auth/password')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('新密码'));
    await user.type(within(dialog).getByLabelText('新密码'), 'new-pass-2024');
    await user.clear(within(dialog).getByLabelText('确认密码'));
    await user.type(within(dialog).getByLabelText('确认密码'), 'new-pass-2024');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('当前密码不正确')).toBeInTheDocument();
    await waitFor(() => expect(callsTo('POST', '/api/v1/auth/password')[0]?.body).toEqual({ current_password: 'old-pass-1', new_password: 'new-pass-2024' }));
  });
});
