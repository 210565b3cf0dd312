import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { applicationDetail, notification } from '@/testing/workflow-fixtures';

describe('notification bell', () => {
  it('counts the unread notices; opening one marks it read and goes where it points', async () => {
    const read = notification({ id: 2, kind: 'application_decided', read_at: '2026-11-22T00:00:00Z' });
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise', { enterprise_id: 7 }) },
      'GET /api/v1/enterprises/7': { status: 404 },
      'GET /api/v1/notifications': { body: { ...page([notification(), read]), unread: 1 } },
      'POST /api/v1/notifications/1/read': { body: { ...notification(), read_at: '2026-11-27T00:00:00Z' } },
      'GET /api/v1/applications/318': { body: applicationDetail() },
    });
    const { router } = renderApp('/');
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(bell).toHaveAttribute('data-unread-count', '1'));
    const user = userEvent.setup();
    await user.click(bell);
    expect(await screen.findByTestId('notifications')).toHaveTextContent('1 条未读');
    expect(screen.getByTestId('notification-2')).not.toHaveAttribute('data-unread');
    await user.click(screen.getByTestId('notification-1'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/notifications/1/read')).toHaveLength(1));
    await waitFor(() => expect(router.state.location.pathname).toBe('/applications/318'));
    // Marking read asks for the notices afresh.
    await waitFor(() => expect(callsTo('GET', '/api/v1/notifications').length).toBeGreaterThan(1));
  });
});
