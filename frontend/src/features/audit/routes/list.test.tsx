import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import type { AuditEvent } from '../api/get-audit-events';

const event = (id: number, action: string, entity_type: string | null, entity_id: string | null): AuditEvent => ({
  id,
  at: '2024-05-01T02:00:00Z',
  actor_id: 1,
  actor_username: 'admin',
  actor_role: 'admin',
  action,
  entity_type,
  entity_id,
  before: null,
  after: null,
  ip: '127.0.0.1',
  user_agent: null,
  request_id: null,
});

const events = [
  event(3, 'enterprise.update', 'enterprise', '7'),
  event(2, 'auth.login_failed', 'user', '4'),
  event(1, 'report.export', 'report', null),
];

function routes() {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs('city_officer') },
    'GET /api/v1/audit-events': { body: page(events) },
  });
}

const actionCells = () => screen.getAllByTestId('audit-action').map((c) => c.textContent);

describe('audit log', () => {
  it('names each action and record type, keeping the code beside it and unknown ones as they are', async () => {
    routes();
    renderApp('/audit');
    await screen.findByText('修改企业');
    expect(actionCells()).toEqual(['修改企业 enterprise.update', '登录失败 auth.login_failed', 'report.export']);
    expect(screen.getByText('企业 #7')).toBeInTheDocument();
    expect(screen.getByText('用户 #4')).toBeInTheDocument();
    expect(screen.getByText('report')).toBeInTheDocument();
  });

  it('names them in English too', async () => {
    await setLanguage('en-US');
    routes();
    renderApp('/audit');
    await screen.findByText('Changed an enterprise');
    expect(actionCells()).toEqual(['Changed an enterprise enterprise.update', 'Sign-in failed auth.login_failed', 'report.export']);
    expect(screen.getByText('Enterprise #7')).toBeInTheDocument();
  });

  it('filters by a whole group, by one action found by its code, and by record type', async () => {
    const { callsTo } = routes();
    renderApp('/audit');
    await screen.findByText('修改企业');
    const lastQuery = () => callsTo('GET', '/api/v1/audit-events').at(-1)?.url.searchParams;
    const user = userEvent.setup();

    const action = within(screen.getByTestId('filter-action')).getByRole('combobox');
    fireEvent.mouseDown(action);
    await user.type(action, '企业');
    await user.click(await screen.findByTitle('企业：全部'));
    await waitFor(() => expect(lastQuery()?.get('action')).toBe('enterprise.'));

    fireEvent.mouseDown(action);
    await user.type(action, 'login_failed');
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(1);
    await user.click(await screen.findByTitle('登录失败'));
    await waitFor(() => expect(lastQuery()?.get('action')).toBe('auth.login_failed'));

    fireEvent.mouseDown(within(screen.getByTestId('filter-entity-type')).getByRole('combobox'));
    await user.click(await screen.findByTitle('区域'));
    await waitFor(() => expect(lastQuery()?.get('entity_type')).toBe('region'));
    expect(lastQuery()?.get('action')).toBe('auth.login_failed');
  });

  it('shows a prefix chosen in the URL by its name', async () => {
    routes();
    renderApp('/audit?action=region.');
    await screen.findByText('修改企业');
    expect(within(screen.getByTestId('filter-action')).getByText('区域：全部')).toBeInTheDocument();
  });
});
