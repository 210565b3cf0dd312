import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Me, Role } from '@/features/auth/api/get-me';
import i18n from '@/lib/i18n';
import { meAs, page, poolEntry, poolRow, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const rows = [
  poolRow(),
  poolRow({
    enterprise_id: 8,
    name: '揭阳榕城精密铸造有限公司',
    credit_code: '914452007079823456',
    eligible: true,
    route: 'score',
    score: 66,
    score_gap: 0,
    gaps: [],
    entry: poolEntry({ id: 12, enterprise_id: 8 }),
  }),
];

const officers = page([
  { id: 2, username: 'city', display_name: '陈立新', role: 'city_officer', region_code: null },
  { id: 3, username: 'county', display_name: '林晓', role: 'county_officer', region_code: '445202' },
]);

function serve(role: Role, overrides: Partial<Me> = {}) {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, overrides) },
    'GET /api/v1/cultivation': { body: page(rows) },
    'GET /api/v1/officers': { body: officers },
    'POST /api/v1/cultivation/entries': ({ body }) => ({ status: 201, body: poolEntry({ ...(body as object), id: 13 }) }),
    'DELETE /api/v1/cultivation/entries/12': { status: 204 },
  });
}

describe('cultivation pool', () => {
  it('lists the candidates with their gaps in words, and asks for the filters in the URL', async () => {
    const { calls } = serve('city_officer');
    renderApp('/cultivation?status=not_eligible&industry=C34&followed=false');
    const first = await screen.findByTestId('pool-row-7');
    expect(first).toHaveTextContent('揭阳示范机械有限公司');
    expect(within(first).getByTestId('pool-enterprise-link')).toHaveAttribute('href', '/enterprises/7/self-check');
    expect(within(first).getByTestId('pool-region')).toHaveTextContent('榕城区');
    expect(within(first).getByTestId('pool-industry')).toHaveTextContent('C34 通用设备制造业');
    expect(within(first).getByTestId('pool-eligible')).toHaveTextContent('暂不符合');
    expect(within(first).getByTestId('pool-ruleset')).toHaveTextContent('2022年版标准');
    expect(within(first).getByTestId('pool-score')).toHaveTextContent('47');
    expect(within(first).getByTestId('pool-score-gap')).toHaveTextContent('13');
    expect(within(first).getAllByTestId('pool-gap').map((g) => g.textContent)).toEqual([
      '研发费用总额及占比：研发费用：80万元；研发费用占比：2.1% — 研发费用≥100万元，且占营业收入比重≥3%',
      '评价得分或特定条件：得分：47；特定条件：否 — 评价得分≥60分，或满足特定条件之一',
    ]);

    const second = screen.getByTestId('pool-row-8');
    expect(within(second).getByTestId('pool-eligible')).toHaveTextContent('符合条件');
    expect(within(second).getByTestId('pool-owner')).toHaveTextContent('李联络');
    expect(within(second).getByTestId('pool-follow-up')).toHaveTextContent('2026年12月15日');
    expect(second).toHaveTextContent('重点培育');

    // The default target tier is the specialised SME; the filters come from the URL.
    const asked = calls.find((c) => c.path === '/api/v1/cultivation')?.url.searchParams;
    expect(asked?.get('target_tier')).toBe('specialized_sme');
    expect(asked?.get('status')).toBe('not_eligible');
    expect(asked?.get('industry')).toBe('C34');
    expect(asked?.get('followed')).toBe('false');

    // In English the labels and requirements follow; the values are read the same way.
    await i18n.changeLanguage('en-US');
    await waitFor(() =>
      expect(within(screen.getByTestId('pool-row-7')).getAllByTestId('pool-gap')[0]).toHaveTextContent(
        'R&D expense and ratio: R&D expense: 80 (10k yuan); R&D ratio: 2.1% — R&D expense ≥ 1,000,000 yuan and R&D ratio ≥ 3%',
      ),
    );
  });

  it('names the ruleset each row was judged by, and the target tier by it: 科技和创新型中小企业 under miit-2026', async () => {
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('city_officer') },
      'GET /api/v1/cultivation': { body: page(rows.map((r) => ({ ...r, target_tier: 'innovative_sme' as const, ruleset: 'miit-2026' }))) },
    });
    renderApp('/cultivation?target_tier=innovative_sme');
    const first = await screen.findByTestId('pool-row-7');
    expect(within(first).getByTestId('pool-ruleset')).toHaveTextContent('2026年版标准');
    await waitFor(() => expect(screen.getByTestId('pool-filter-tier')).toHaveTextContent('科技和创新型中小企业'));
    await i18n.changeLanguage('en-US');
    await waitFor(() => expect(within(screen.getByTestId('pool-row-8')).getByTestId('pool-ruleset')).toHaveTextContent('2026 rules'));
    expect(screen.getByTestId('pool-filter-tier')).toHaveTextContent('Tech and innovative SME');
  });

  it('exports the same filters as .xlsx, in the UI language', async () => {
    serve('county_officer');
    renderApp('/cultivation?target_tier=innovative_sme&industry=C&status=eligible&followed=true');
    await screen.findByTestId('pool-row-7');
    const exportUrl = () => new URL(screen.getByTestId('pool-export').getAttribute('href') ?? '', 'http://x');
    expect(exportUrl().pathname).toBe('/api/v1/cultivation');
    expect(Object.fromEntries(exportUrl().searchParams)).toEqual({
      target_tier: 'innovative_sme',
      // A county officer's region is its own, fixed.
      region: '445202',
      industry: 'C',
      status: 'eligible',
      followed: 'true',
      format: 'xlsx',
      lang: 'zh-CN',
    });
    await i18n.changeLanguage('en-US');
    await waitFor(() => expect(exportUrl().searchParams.get('lang')).toBe('en-US'));
  });

  it('lets an officer put a candidate into the pool with an owner and a follow-up date, and take one out', async () => {
    const { callsTo } = serve('county_officer', { id: 3 });
    renderApp('/cultivation');
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('pool-add-7'));
    const dialog = await screen.findByRole('dialog');
    // The officer itself is the first choice of owner.
    await waitFor(() => expect(within(dialog).getByTestId('pool-entry-owner')).toHaveTextContent('林晓 (县区工作人员)'));
    const date = within(dialog).getByLabelText('跟进日期');
    await user.click(date);
    await user.type(date, '2026-12-20{Enter}');
    await user.type(within(dialog).getByLabelText('备注'), '约谈研发投入');
    await user.click(within(dialog).getByTestId('pool-entry-submit'));
    await waitFor(() => expect(callsTo('POST', '/api/v1/cultivation/entries')).toHaveLength(1));
    expect(callsTo('POST', '/api/v1/cultivation/entries')[0]?.body).toEqual({
      enterprise_id: 7,
      target_tier: 'specialized_sme',
      owner_id: 3,
      follow_up_on: '2026-12-20',
      note: '约谈研发投入',
    });
    // The officers asked for are those who may follow an enterprise of this region.
    expect(callsTo('GET', '/api/v1/officers')[0]?.url.searchParams.get('region')).toBe('445202');

    await user.click(screen.getByTestId('pool-remove-8'));
    await user.click(await screen.findByRole('button', { name: '移 出' }));
    await waitFor(() => expect(callsTo('DELETE', '/api/v1/cultivation/entries/12')).toHaveLength(1));
  });

  it('shows a leader the pool without any action', async () => {
    const { callsTo } = serve('leader');
    renderApp('/cultivation');
    await screen.findByTestId('pool-row-8');
    expect(screen.queryByText('操作')).not.toBeInTheDocument();
    expect(screen.queryByTestId('pool-add-7')).not.toBeInTheDocument();
    expect(screen.queryByTestId('pool-edit-8')).not.toBeInTheDocument();
    expect(screen.queryByTestId('pool-remove-8')).not.toBeInTheDocument();
    // The export is for every reader.
    expect(screen.getByTestId('pool-export')).toBeInTheDocument();
    expect(callsTo('GET', '/api/v1/officers')).toHaveLength(0);
  });

  it('offers the target tiers by name', async () => {
    serve('admin');
    renderApp('/cultivation');
    await screen.findByTestId('pool-row-7');
    fireEvent.mouseDown(within(screen.getByTestId('pool-filter-tier')).getByRole('combobox'));
    expect(await screen.findByTitle('创新型中小企业')).toBeInTheDocument();
    expect(screen.getByTitle('专精特新“小巨人”企业')).toBeInTheDocument();
  });
});
