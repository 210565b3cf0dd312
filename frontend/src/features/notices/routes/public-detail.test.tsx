import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import i18n from '@/lib/i18n';
import { referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import type { PublicNotice } from '../api/get-public-notices';

function notice(overrides: Partial<PublicNotice> = {}): PublicNotice {
  return {
    id: 4,
    batch_id: 13,
    batch_name: '2025年第一批省级创新型中小企业评价',
    tier: 'innovative_sme',
    ruleset: 'miit-2022',
    title: '2025年第一批省级创新型中小企业评价拟推荐名单公示',
    contact: '揭阳市工业和信息化局 中小企业科 0663-8221234',
    published_on: '2025-05-10',
    ends_on: '2025-05-16',
    open: true,
    entries: [
      { application_id: 301, enterprise_name: '揭阳精工机械有限公司', credit_code: '91445200MA4UQX2Y1B', region_name: '普宁市' },
      { application_id: 302, enterprise_name: '揭阳新材料科技有限公司', credit_code: '91445200MA4UABCD2C', region_name: '榕城区' },
    ],
    ...overrides,
  };
}

const fill = async (dialog: HTMLElement) => {
  const user = userEvent.setup();
  await user.type(within(dialog).getByTestId('objection-name'), '张三');
  await user.type(within(dialog).getByTestId('objection-phone'), '13800138000');
  await user.type(within(dialog).getByTestId('objection-reasons'), '该企业研发人员数量与社保记录不符，请核实。');
  return user;
};

describe('the public notice page', () => {
  it('shows the notice without a session: title, contact, period, open, and the entries', async () => {
    const { callsTo } = mockApi({ ...referenceRoutes, 'GET /api/v1/public/notices/4': { body: notice() } });
    renderApp('/notices/4');
    expect(await screen.findByTestId('notice-title')).toHaveTextContent('拟推荐名单公示');
    expect(screen.getByTestId('notice-contact')).toHaveTextContent('0663-8221234');
    expect(screen.getAllByTestId('notice-status')[0]).toHaveTextContent('公示中');
    expect(screen.getByTestId('notice-objections-state')).toHaveTextContent('截止 2025年5月16日');
    expect(screen.getAllByTestId('notice-entry')).toHaveLength(2);
    expect(screen.getAllByTestId('notice-entry')[0]).toHaveTextContent('揭阳精工机械有限公司');
    expect(screen.getByText('91445200MA4UABCD2C')).toBeInTheDocument();
    expect(screen.getAllByTestId('notice-entry')[1]).toHaveTextContent('创新型中小企业 · 榕城区');
    // No sign-in is asked for, and no signed-in shell is shown.
    expect(callsTo('GET', '/api/v1/auth/me')).toHaveLength(0);
    expect(screen.queryByTestId('side-menu')).not.toBeInTheDocument();
  });

  it('names the bottom tier by the ruleset of the batch: 科技和创新型中小企业 under miit-2026', async () => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/public/notices/4': { body: notice({ ruleset: 'miit-2026' }) } });
    renderApp('/notices/4');
    expect(await screen.findByText(/拟推荐为科技和创新型中小企业的 2 家企业/)).toBeInTheDocument();
    expect(screen.getAllByTestId('notice-entry')[1]).toHaveTextContent('科技和创新型中小企业 · 榕城区');
    expect(screen.queryByText(/拟推荐为创新型中小企业/)).not.toBeInTheDocument();
  });

  it('names it so in English too, and in the list beside a notice under miit-2022', async () => {
    await i18n.changeLanguage('en-US');
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/public/notices': { body: { items: [notice({ id: 5, ruleset: 'miit-2026' }), notice()], total: 2, page: 1, page_size: 2 } },
    });
    renderApp('/notices');
    const items = await screen.findAllByTestId('public-notice');
    expect(items[0]).toHaveTextContent('Tech and innovative SME · ');
    expect(items[1]).toHaveTextContent('Innovative SME · ');
    expect(items[1]).not.toHaveTextContent('Tech and innovative SME');
  });

  it('offers no objection once the notice has ended', async () => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/public/notices/4': { body: notice({ open: false }) } });
    renderApp('/notices/4');
    expect(await screen.findByTestId('notice-objections-state')).toHaveTextContent('不再受理异议');
    expect(screen.queryByTestId('object-301')).not.toBeInTheDocument();
  });

  it('lodges an objection as the multipart form the server reads, and says so', async () => {
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/public/notices/4': { body: notice() },
      'POST /api/v1/public/notices/4/objections': { status: 201, body: { id: 77, created_at: '2025-05-11T02:00:00Z' } },
    });
    renderApp('/notices/4');
    const u = userEvent.setup();
    await u.click(await screen.findByTestId('object-302'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('objection-enterprise')).toHaveTextContent('揭阳新材料科技有限公司');
    const user = await fill(dialog);
    await user.click(within(dialog).getByTestId('objection-submit'));
    expect(await within(dialog).findByTestId('objection-lodged')).toHaveTextContent('受理编号 77');
    const sent = callsTo('POST', '/api/v1/public/notices/4/objections')[0]?.body as FormData;
    expect(sent.get('application_id')).toBe('302');
    expect(sent.get('name')).toBe('张三');
    expect(sent.get('phone')).toBe('13800138000');
    expect(sent.get('reasons')).toBe('该企业研发人员数量与社保记录不符，请核实。');
    expect(sent.getAll('files')).toHaveLength(0);
  });

  it('checks the form before sending anything', async () => {
    const { callsTo } = mockApi({ ...referenceRoutes, 'GET /api/v1/public/notices/4': { body: notice() } });
    renderApp('/notices/4');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('object-301'));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByTestId('objection-phone'), 'abc');
    await user.type(within(dialog).getByTestId('objection-reasons'), '太短');
    await user.click(within(dialog).getByTestId('objection-submit'));
    expect(await within(dialog).findByText('此项为必填项')).toBeInTheDocument();
    expect(within(dialog).getByText(/请填写有效的联系电话/)).toBeInTheDocument();
    expect(within(dialog).getByText('异议理由不少于 10 个字')).toBeInTheDocument();
    expect(callsTo('POST', '/api/v1/public/notices/4/objections')).toHaveLength(0);
  });

  it("puts the server's field errors under their inputs", async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/public/notices/4': { body: notice() },
      'POST /api/v1/public/notices/4/objections': apiError(422, 'validation_failed', '输入有误', [{ field: 'phone', message: '电话号码格式不正确' }]),
    });
    renderApp('/notices/4');
    const u = userEvent.setup();
    await u.click(await screen.findByTestId('object-301'));
    const dialog = await screen.findByRole('dialog');
    const user = await fill(dialog);
    await user.click(within(dialog).getByTestId('objection-submit'));
    expect(await within(dialog).findByText('电话号码格式不正确')).toBeInTheDocument();
    expect(within(dialog).queryByTestId('objection-lodged')).not.toBeInTheDocument();
  });

  it('says when the notice closed meanwhile (409), and shows the notice afresh', async () => {
    let closed = false;
    const { callsTo } = mockApi({
      ...referenceRoutes,
      'GET /api/v1/public/notices/4': () => ({ body: notice({ open: !closed }) }),
      'POST /api/v1/public/notices/4/objections': () => {
        closed = true;
        return apiError(409, 'invalid_transition', '公示已结束');
      },
    });
    renderApp('/notices/4');
    const u = userEvent.setup();
    await u.click(await screen.findByTestId('object-301'));
    const dialog = await screen.findByRole('dialog');
    const user = await fill(dialog);
    await user.click(within(dialog).getByTestId('objection-submit'));
    expect(await within(dialog).findByTestId('objection-refused-closed')).toHaveTextContent('不再受理异议');
    await waitFor(() => expect(callsTo('GET', '/api/v1/public/notices/4').length).toBeGreaterThan(1));
  });

  it('says when the hourly limit is reached (429)', async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/public/notices/4': { body: notice() },
      'POST /api/v1/public/notices/4/objections': { ...apiError(429, 'rate_limited', 'too many'), headers: { 'Retry-After': '1200' } },
    });
    renderApp('/notices/4');
    const u = userEvent.setup();
    await u.click(await screen.findByTestId('object-301'));
    const dialog = await screen.findByRole('dialog');
    const user = await fill(dialog);
    await user.click(within(dialog).getByTestId('objection-submit'));
    const refused = await within(dialog).findByTestId('objection-refused-throttled');
    expect(refused).toHaveTextContent('提交过于频繁');
    expect(refused).toHaveTextContent('约 20 分钟后');
  });

  it('shows the empty list of notices', async () => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/public/notices': { body: { items: [], total: 0, page: 1, page_size: 20 } } });
    renderApp('/notices');
    expect(await screen.findByTestId('public-notices-empty')).toHaveTextContent('目前没有正在公示的名单');
  });

  it('says when a notice does not exist', async () => {
    mockApi({ ...referenceRoutes, 'GET /api/v1/public/notices/9': apiError(404, 'not_found', 'not found') });
    renderApp('/notices/9');
    expect(await screen.findByTestId('notice-not-found')).toBeInTheDocument();
  });
});
