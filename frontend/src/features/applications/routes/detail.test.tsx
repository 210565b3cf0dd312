import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me, Role } from '@/features/auth/api/get-me';
import { annualReport, meAs, page, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi, type MockReply } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { applicationDetail } from '@/testing/workflow-fixtures';
import type { ApplicationDetail } from '../api/get-application';

const returned = applicationDetail({
  state: 'returned',
  waiting_on: { role: 'enterprise', region_code: null },
  version: 3,
  steps: [
    ...applicationDetail().steps,
    {
      at: '2026-11-21T02:00:00Z',
      actor_username: 'county',
      actor_role: 'county_officer',
      region_code: '445202',
      action: 'return',
      from_state: 'county_review',
      to_state: 'returned',
      comment: '请补充研发费用专项审计报告',
    },
  ],
});

function serve(role: Role, application: ApplicationDetail, transition: MockReply, me: Partial<Me> = {}) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, me) },
    'GET /api/v1/notifications': { body: { ...page([]), unread: 0 } },
    'GET /api/v1/applications/318': { body: application },
    'GET /api/v1/enterprises/7/annual-reports': { body: page([annualReport({ year: 2025 }), annualReport({ year: 2024 }), annualReport({ year: 2022 })]) },
    'POST /api/v1/applications/318/transitions': transition,
  });
}

describe('application page', () => {
  it('shows the enterprise the comment of a return, and resubmits with the version it read', async () => {
    const { callsTo } = serve('enterprise', returned, { body: applicationDetail({ version: 4 }) });
    renderApp('/applications/318');
    expect(await screen.findByTestId('decision-notice')).toHaveTextContent('申报已被退回修改：请补充研发费用专项审计报告');
    expect(screen.getByTestId('application-title')).toHaveTextContent('2026年第二批省级创新型中小企业评价');
    expect(screen.getByTestId('application-waiting-on')).toHaveTextContent('待企业处理');
    // The history says who returned it, from which region, and why.
    const steps = screen.getAllByTestId('history-step');
    expect(steps.map((s) => s.getAttribute('data-action'))).toEqual(['submit', 'return']);
    await waitFor(() => expect(screen.getAllByTestId('history-step')[1]).toHaveTextContent('county（县区工作人员 · 榕城区）'));
    expect(steps[1]).toHaveTextContent('请补充研发费用专项审计报告');
    // Returned, it may still change its attachments.
    expect(screen.getByTestId('attachment-upload')).toBeInTheDocument();
    // The figures of the report year and the two before it that were filed (not 2022).
    const figures = await screen.findByTestId('application-figures');
    await waitFor(() => expect(within(figures).getAllByRole('row')).toHaveLength(3));
    expect(figures).toHaveTextContent('2025年（依据年度）');

    const user = userEvent.setup();
    await user.click(screen.getByTestId('action-submit'));
    await user.click((await screen.findAllByRole('button', { name: '重新提交' })).at(-1)!);
    await waitFor(() => expect(callsTo('POST', '/api/v1/applications/318/transitions')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/applications/318/transitions')[0]?.body).toEqual({ action: 'submit', version: 3 });
  });

  it('explains a refused submission field by field', async () => {
    serve(
      'enterprise',
      applicationDetail({ state: 'draft', version: 1, steps: [], submitted_at: null }),
      apiError(422, 'validation_failed', '提交条件不满足', [{ field: 'report_year', message: '尚未填报该年度的年度数据' }]),
    );
    renderApp('/applications/318');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('action-submit'));
    // The pop-confirm's own button, beside the one that opened it.
    await user.click((await screen.findAllByRole('button', { name: '提 交' })).at(-1)!);
    expect(await screen.findByTestId('submit-refused')).toHaveTextContent('依据年度：尚未填报该年度的年度数据');
    expect(screen.getByTestId('self-check-pending')).toHaveTextContent('提交时将按依据年度的数据自动自评');
  });

  it('names the ruleset the application is judged by, and its tier by it', async () => {
    serve('enterprise', applicationDetail({ ruleset: 'miit-2026' }), { status: 500 });
    renderApp('/applications/318');
    expect(await screen.findByTestId('application-ruleset')).toHaveTextContent('2026年版（工信部企业〔2026〕2号）');
    expect(screen.getByTestId('application-info')).toHaveTextContent('科技和创新型中小企业');
  });

  it("says in words why the city's recommendation waits on the public notice, not by the API's field key", async () => {
    const cityReview = applicationDetail({ state: 'city_review', waiting_on: { role: 'city_officer', region_code: null }, version: 5 });
    const { callsTo } = serve(
      'city_officer',
      cityReview,
      apiError(422, 'validation_failed', '输入有误，请检查标出的字段', [{ field: 'public_notice', message: '有 1 条公示异议尚未处理' }]),
    );
    renderApp('/applications/318');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('action-pass'));
    await user.click(await screen.findByTestId('transition-submit'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/applications/318/transitions')).toHaveLength(1));
    expect(await screen.findByText('公示：有 1 条公示异议尚未处理')).toBeInTheDocument();
    expect(screen.queryByText(/public_notice/)).not.toBeInTheDocument();
  });

  it('lets the county of the region return an application only with a comment', async () => {
    const { callsTo } = serve('county_officer', applicationDetail(), { body: returned });
    renderApp('/applications/318');
    await screen.findByTestId('application-actions');
    expect(['action-pass', 'action-return', 'action-reject'].map((id) => screen.queryByTestId(id) !== null)).toEqual([true, true, true]);
    expect(screen.getByTestId('action-pass')).toHaveTextContent('初审通过');
    // An officer reviews; the enterprise's attachments are read-only to it once submitted.
    expect(screen.queryByTestId('attachment-upload')).not.toBeInTheDocument();
    expect(screen.getByTestId('attachment-download')).toHaveAttribute('href', '/api/v1/applications/318/attachments/5');

    const user = userEvent.setup();
    await user.click(screen.getByTestId('action-return'));
    await user.click(await screen.findByTestId('transition-submit'));
    expect(await screen.findByText('退回或驳回须填写意见')).toBeInTheDocument();
    expect(callsTo('POST', '/api/v1/applications/318/transitions')).toHaveLength(0);
    await user.type(screen.getByTestId('transition-comment'), '  请补充审计报告 ');
    await user.click(screen.getByTestId('transition-submit'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/applications/318/transitions')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/applications/318/transitions')[0]?.body).toEqual({ action: 'return', version: 2, comment: '请补充审计报告' });
  });

  it('tells an officer who was beaten to it, and asks for the application afresh', async () => {
    const { callsTo } = serve('county_officer', applicationDetail(), apiError(409, 'stale_version', 'stale'));
    renderApp('/applications/318');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('action-pass'));
    await user.click(await screen.findByTestId('transition-submit'));
    expect(await screen.findByText('该记录已被他人修改，已为您重新加载最新内容，请核对后再保存。')).toBeInTheDocument();
    await waitFor(() => expect(callsTo('GET', '/api/v1/applications/318').length).toBeGreaterThan(1));
  });

  it.each([
    ['county_officer', { region_code: '445281' }],
    ['city_officer', {}],
    ['leader', {}],
  ] as const)('gives %s %j nothing to do at the county stage', async (role, me) => {
    serve(role, applicationDetail(), { status: 500 }, me);
    renderApp('/applications/318');
    expect(await screen.findByTestId('no-actions')).toHaveTextContent('当前环节无需您办理');
  });

  it('records a result: approved needs the announcement and the day granted, and shows the validity', async () => {
    const recommended = applicationDetail({ state: 'recommended', waiting_on: { role: 'city_officer', region_code: null }, version: 5 });
    const { callsTo } = serve('city_officer', recommended, { body: applicationDetail({ state: 'approved', version: 6 }) });
    renderApp('/applications/318');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('action-record_result'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByTestId('transition-submit'));
    await waitFor(() => expect(within(dialog).getAllByText('此项为必填项')).toHaveLength(2));
    await user.type(within(dialog).getByTestId('transition-announcement'), '粤工信融资函〔2026〕99号');
    const date = within(dialog).getByLabelText('认定日期');
    await user.click(date);
    await user.type(date, '2024-02-29{Enter}');
    expect(await within(dialog).findByText('有效期至 2027年2月28日（认定日期起 3 年）')).toBeInTheDocument();
    await user.click(within(dialog).getByTestId('transition-submit'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/applications/318/transitions')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/applications/318/transitions')[0]?.body).toEqual({
      action: 'record_result',
      version: 5,
      result: 'approved',
      announcement_no: '粤工信融资函〔2026〕99号',
      granted_on: '2024-02-29',
    });
  });
});
