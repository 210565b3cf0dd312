import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { application } from '@/testing/workflow-fixtures';

const queue = [application(), application({ id: 319, enterprise_id: 8, enterprise_name: '揭阳榕城精密铸造有限公司', version: 4 })];

function serve(role: Role) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role) },
    'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } },
    'GET /api/v1/batches': { body: page([]) },
    'GET /api/v1/applications': ({ url }) => ({ body: page(url.searchParams.get('state') === 'recommended' ? [] : queue) }),
    'POST /api/v1/applications/bulk-transitions': {
      body: {
        items: [
          { id: 318, ok: true, application: application({ state: 'city_review', waiting_on: { role: 'city_officer', region_code: null }, version: 3 }), error: null },
          { id: 319, ok: false, application: null, error: { code: 'stale_version', message: '该申报已被他人办理' } },
        ],
      },
    },
  });
}

describe('review queue', () => {
  it("shows a county officer its region's county review, and whom each application waits on", async () => {
    const { callsTo } = serve('county_officer');
    renderApp('/review');
    const row = await screen.findByTestId('application-row-318');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('待办 · 县区初审');
    expect(within(row).getByTestId('application-waiting-on')).toHaveTextContent('待榕城区初审');
    // The tier, and the ruleset the application is judged by.
    expect(row).toHaveTextContent('创新型中小企业 · 2022年版标准');
    expect(within(row).getByTestId('application-ruleset')).toHaveTextContent('2022年版标准');
    expect(within(row).getByTestId('open-application-318')).toHaveTextContent('办理');
    const asked = callsTo('GET', '/api/v1/applications')[0]?.url.searchParams;
    expect(asked?.get('state')).toBe('county_review');
    expect(asked?.get('region')).toBe('445202');
    // One stage only: no stage switch.
    expect(screen.queryByTestId('review-stage')).not.toBeInTheDocument();
  });

  it('passes the chosen ones at once, each with the version read, and shows each outcome', async () => {
    const { callsTo } = serve('county_officer');
    renderApp('/review');
    await screen.findByTestId('application-row-319');
    const user = userEvent.setup();
    expect(screen.getByTestId('bulk-pass')).toBeDisabled();
    await user.click(screen.getByTestId('select-318'));
    await user.click(screen.getByTestId('select-319'));
    expect(screen.getByText('已选 2 项')).toBeInTheDocument();
    await user.click(screen.getByTestId('bulk-pass'));
    await user.type(await screen.findByTestId('bulk-comment'), '材料齐全');
    await user.click(screen.getByTestId('bulk-submit'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/applications/bulk-transitions')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/applications/bulk-transitions')[0]?.body).toEqual({
      action: 'pass',
      comment: '材料齐全',
      items: [
        { id: 318, version: 2 },
        { id: 319, version: 4 },
      ],
    });
    expect(await screen.findByTestId('bulk-summary')).toHaveTextContent('成功 1 项，失败 1 项');
    expect(screen.getByTestId('bulk-ok-318')).toHaveTextContent('现状态：市级复审');
    expect(screen.getByTestId('bulk-failed-319')).toHaveTextContent('该申报已被他人办理');
  });

  it('needs a comment to return several at once', async () => {
    const { callsTo } = serve('county_officer');
    renderApp('/review');
    await screen.findByTestId('application-row-318');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('select-318'));
    await user.click(screen.getByTestId('bulk-return'));
    await user.click(await screen.findByTestId('bulk-submit'));
    expect(await screen.findByText('退回或驳回须填写意见')).toBeInTheDocument();
    expect(callsTo('POST', '/api/v1/applications/bulk-transitions')).toHaveLength(0);
  });

  it('gives the city its review and the recommended ones awaiting their result, one by one', async () => {
    const { callsTo } = serve('city_officer');
    const { router } = renderApp('/review');
    await screen.findByTestId('application-row-318');
    expect(callsTo('GET', '/api/v1/applications')[0]?.url.searchParams.get('state')).toBe('city_review');
    expect(screen.getByTestId('bulk-pass')).toHaveTextContent('批量推荐');
    const user = userEvent.setup();
    await user.click(screen.getByTestId('stage-recommended'));
    await waitFor(() => expect(router.state.location.search).toBe('?stage=recommended'));
    await waitFor(() => expect(callsTo('GET', '/api/v1/applications').at(-1)?.url.searchParams.get('state')).toBe('recommended'));
    expect(await screen.findByText('暂无待办')).toBeInTheDocument();
    // Results are recorded one by one, from each application's page.
    expect(screen.queryByTestId('bulk-bar')).not.toBeInTheDocument();
  });
});
