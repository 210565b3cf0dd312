import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import { enterprise, meAs, referenceRoutes } from '@/testing/fixtures';
import { apiError, mockApi, type MockReply } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const withFacts = () =>
  enterprise({
    abnormal_or_dishonest_listed: null,
    major_incident_or_violation_3y: false,
    field_class: null,
    key_field: true,
    key_chain_link: null,
    honours: null,
    awards: [],
    makers_china: null,
  });

function serve(role: Role, patch: MockReply | ((req: { body: unknown }) => MockReply)) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, role === 'enterprise' ? { enterprise_id: 7 } : {}) },
    'GET /api/v1/enterprises/7': { body: withFacts() },
    'PATCH /api/v1/enterprises/7': patch,
  });
}

/** The label of one choice of a radio group (the input itself is hidden under it). */
const radio = (group: HTMLElement, label: string) => within(group).getByText(label);

describe('criteria facts form', () => {
  it('lets an enterprise user answer the general conditions and list its honours, but not change the assessments', async () => {
    const { callsTo } = serve('enterprise', ({ body }) => ({ body: { ...withFacts(), ...(body as object), version: 5 } }));
    const { router } = renderApp('/enterprises/7/facts?edit=1');
    const keyField = await screen.findByTestId('facts-key_field');
    for (const r of within(keyField).getAllByRole('radio')) expect(r).toBeDisabled();
    for (const r of within(screen.getByTestId('facts-key_chain_link')).getAllByRole('radio')) expect(r).toBeDisabled();

    const user = userEvent.setup();
    await user.click(radio(screen.getByTestId('facts-abnormal_or_dishonest_listed'), '否'));
    await user.click(radio(screen.getByTestId('facts-field_class'), '补短板、填空白、锻长板'));
    // Honours: from "not known" to a list of one.
    await user.click(radio(screen.getByTestId('facts-honours-state'), '有（逐项填写）'));
    const honours = screen.getByTestId('facts-honours');
    await user.click(within(honours).getByRole('combobox'));
    await user.click(await screen.findByTitle('高新技术企业'));
    const from = within(honours).getByLabelText('有效期起');
    await user.click(from);
    await user.type(from, '2024-12-12');
    await user.tab();
    // 创客中国: from "not known" to "none".
    await user.click(radio(screen.getByTestId('facts-makers_china-state'), '无'));
    await user.click(screen.getByTestId('facts-submit'));

    await waitFor(() => expect(callsTo('PATCH', '/api/v1/enterprises/7')).toHaveLength(1));
    expect(callsTo('PATCH', '/api/v1/enterprises/7')[0]?.body).toEqual({
      version: 4,
      abnormal_or_dishonest_listed: false,
      field_class: 'gap_filling',
      honours: [{ code: 'high_tech_enterprise', valid_from: '2024-12-12', valid_until: null }],
      makers_china: [],
    });
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('asks for at least one item when "these ones" is chosen, and shows field errors of list items', async () => {
    serve('city_officer', apiError(422, 'validation_failed', '输入有误', [{ field: 'awards[0].rank', message: '不能小于 1' }]));
    renderApp('/enterprises/7/facts?edit=1');
    const user = userEvent.setup();
    const awards = await screen.findByTestId('facts-awards');
    await user.click(radio(screen.getByTestId('facts-awards-state'), '有（逐项填写）'));
    // An empty row is offered; removing it leaves the list empty, which is refused.
    await user.click(within(awards).getByRole('button', { name: /删除|delete/i }));
    await user.click(screen.getByTestId('facts-submit'));
    expect(await within(awards).findByText('请至少添加一项，或选择“无”')).toBeInTheDocument();

    await user.click(screen.getByTestId('facts-awards-add'));
    await user.type(within(awards).getByLabelText('年度'), '2024');
    await user.click(within(awards).getByRole('combobox'));
    await user.click(await screen.findByTitle('省级'));
    await user.type(within(awards).getByLabelText('排名'), '1');
    await user.click(screen.getByTestId('facts-submit'));
    const rank = within(awards).getByLabelText('排名');
    await waitFor(() => expect(rank.closest('.ant-form-item')).toHaveTextContent('不能小于 1'));
  });
});
