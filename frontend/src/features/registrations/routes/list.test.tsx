import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import type { Registration } from '../api/get-registrations';

const pending: Registration = {
  id: 31,
  username: 'newco',
  display_name: '王五',
  phone: '13700000000',
  status: 'pending',
  created_at: '2024-05-01T02:00:00Z',
  decided_at: null,
  decided_by: null,
  reason: null,
  enterprise: { id: 80, name: '揭阳新创科技有限公司', credit_code: '91445200MA4UQX2Y1B', region_code: '445202' },
};

describe('registrations', () => {
  it('lists pending registrations and rejects one with a reason', async () => {
    const { calls, callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('county_officer') },
      'GET /api/v1/registrations': { body: page([pending]) },
      'POST /api/v1/registrations/31/reject': ({ body }) => ({ body: { ...pending, status: 'rejected', reason: (body as { reason: string }).reason } }),
    });
    renderApp('/registrations');
    expect(await screen.findByText('揭阳新创科技有限公司')).toBeInTheDocument();
    // A county officer's list is scoped to its own region, and pending by default.
    const list = calls.find((c) => c.path === '/api/v1/registrations');
    expect(list?.url.searchParams.get('status')).toBe('pending');
    expect(list?.url.searchParams.get('region')).toBe('445202');

    const user = userEvent.setup();
    await user.click(screen.getByTestId('reject-31'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('reject-confirm'));
    expect(await within(dialog).findByText('此项为必填项')).toBeInTheDocument();
    await user.type(within(dialog).getByTestId('reject-reason'), '信用代码与营业执照不符');
    await user.click(within(dialog).getByTestId('reject-confirm'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/registrations/31/reject')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/registrations/31/reject')[0]?.body).toEqual({ reason: '信用代码与营业执照不符' });
  });

  it('approves after confirmation', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('city_officer') },
      'GET /api/v1/registrations': { body: page([pending]) },
      'POST /api/v1/registrations/31/approve': { body: { ...pending, status: 'active' } },
    });
    renderApp('/registrations');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('approve-31'));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: /通\s*过/ }));
    await waitFor(() => expect(callsTo('POST', '/api/v1/registrations/31/approve')).toHaveLength(1));
    expect(await screen.findByText('已通过“揭阳新创科技有限公司”的注册申请')).toBeInTheDocument();
  });
});
