import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import { meAs, page, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { batch } from '@/testing/workflow-fixtures';

const closed = batch({ id: 9, name: '2025年第一批广东省创新型中小企业', year: 2025, opens_on: '2025-01-21', closes_on: '2025-03-02', status: 'closed', counts: { approved: 25, not_approved: 4 } });

function serve(role: Role) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role) },
    'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } },
    'GET /api/v1/batches': { body: page([batch(), closed]) },
    'POST /api/v1/batches': apiError(422, 'validation_failed', '输入有误', [{ field: 'closes_on', message: '申报期须在批次年度内' }]),
  });
}

describe('batches', () => {
  it('lists each batch with its window, status and applications by state', async () => {
    serve('county_officer');
    renderApp('/batches');
    const open = await screen.findByTestId('batch-row-13');
    expect(open).toHaveTextContent('2026年11月1日 至 2026年12月31日');
    expect(within(open).getByTestId('batch-status')).toHaveTextContent('申报中');
    expect(within(open).getByTestId('count-county_review')).toHaveTextContent('县区初审 2');
    expect(within(open).getByTestId('count-city_review')).toHaveTextContent('市级复审 1');
    const past = screen.getByTestId('batch-row-9');
    expect(within(past).getByTestId('batch-status')).toHaveTextContent('已截止');
    expect(within(past).getByTestId('count-total')).toHaveTextContent('合计 29');
    // Batches are the city's to run.
    expect(screen.queryByTestId('new-batch')).not.toBeInTheDocument();
    expect(screen.queryByTestId('edit-batch-13')).not.toBeInTheDocument();
  });

  it('lets the city open a batch, and shows a refusal of the server under the window', async () => {
    const { callsTo } = serve('city_officer');
    renderApp('/batches');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('new-batch'));
    const dialog = (await screen.findByTestId('batch-form')).closest('.ant-modal') as HTMLElement;
    await user.type(within(dialog).getByTestId('batch-name'), '2027年第一批省级创新型中小企业评价');
    const [from, to] = within(dialog).getAllByRole('textbox').filter((el) => el.closest('.ant-picker'));
    await user.click(from!);
    await user.type(from!, '2027-03-01{Enter}');
    await user.type(to!, '2028-01-15{Enter}');
    await user.click(within(dialog).getByTestId('batch-form-submit'));
    // The server's error on closes_on shows under the window input it came from.
    expect(await within(dialog).findByText('申报期须在批次年度内')).toBeInTheDocument();
    expect(callsTo('POST', '/api/v1/batches')[0]?.body).toEqual({
      tier: 'innovative_sme',
      kind: 'recognition',
      year: new Date().getFullYear(),
      name: '2027年第一批省级创新型中小企业评价',
      opens_on: '2027-03-01',
      closes_on: '2028-01-15',
    });
    // Refused, the dialog stays open with what was typed.
    expect(within(dialog).getByTestId('batch-name')).toHaveValue('2027年第一批省级创新型中小企业评价');
  });
});
