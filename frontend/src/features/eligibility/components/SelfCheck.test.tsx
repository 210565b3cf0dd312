import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/features/auth/api/get-me';
import i18n from '@/lib/i18n';
import { annualReport, enterprise, meAs, page, referenceRoutes, workedExample } from '@/testing/fixtures';
import { apiError, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

function serve(role: Role = 'enterprise') {
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, role === 'enterprise' ? { enterprise_id: 7 } : {}) },
    'GET /api/v1/enterprises/7': { body: enterprise() },
    'GET /api/v1/enterprises/7/annual-reports': { body: page([annualReport({ year: 2023 }), annualReport({ year: 2021 })]) },
    'GET /api/v1/enterprises/7/eligibility': ({ url }) => {
      if (url.searchParams.get('report_year') === '2021') return apiError(422, 'validation_failed', '输入有误', [{ field: 'report_year', message: '该年度没有年度数据' }]);
      const ruleset = url.searchParams.get('ruleset') ?? 'miit-2022';
      const example = workedExample();
      for (const r of example.results) r.ruleset = ruleset;
      return { body: { ...example, ruleset } };
    },
  });
}

const row = (card: HTMLElement, code: string) => within(card).getByTestId(`criterion-${code}`);

describe('self-check', () => {
  it('shows the worked example of CRITERIA.md: the specialised SME eligible by a score of 68', async () => {
    serve();
    renderApp('/enterprises/7/self-check');
    const card = await screen.findByTestId('tier-card-specialized_sme');
    expect(within(card).getByTestId('tier-name')).toHaveTextContent('专精特新中小企业');
    expect(within(card).getByTestId('tier-eligible')).toHaveTextContent('符合条件');
    expect(within(card).getByTestId('tier-route')).toHaveTextContent('路径：评分达标');
    expect(within(card).getByTestId('tier-score')).toHaveTextContent('68 分');
    // The score by group: Z 5+10+2+0, J 5+5+8+3, T 9, N 8+4+5+4.
    expect(within(card).getByTestId('subtotal-specialisation')).toHaveTextContent('专业化 17 / 25');
    expect(within(card).getByTestId('subtotal-refinement')).toHaveTextContent('精细化 21 / 25');
    expect(within(card).getByTestId('subtotal-distinctiveness')).toHaveTextContent('特色化 9 / 15');
    expect(within(card).getByTestId('subtotal-innovation')).toHaveTextContent('创新能力 21 / 35');

    // Every criterion by its own label, its value read, its requirement, status and points.
    const z1 = row(card, 'Z1');
    expect(within(z1).getByTestId('criterion-label')).toHaveTextContent('主营业务收入占营业收入比重');
    expect(within(z1).getByTestId('criterion-value')).toHaveTextContent(/^88%$/);
    expect(within(z1).getByTestId('criterion-requirement')).toHaveTextContent('≥80%：5');
    expect(within(z1).getByTestId('criterion-status')).toHaveTextContent('达标');
    expect(within(z1).getByTestId('criterion-points')).toHaveTextContent('5 / 5');
    expect(within(row(card, 'C1')).getByTestId('criterion-value')).toHaveTextContent('5年');
    expect(within(row(card, 'C2')).getByTestId('criterion-value')).toHaveTextContent('研发费用：200万元；研发费用占比：4%');
    expect(within(row(card, 'Z4')).getByTestId('criterion-value')).toHaveTextContent('其他');
    expect(within(row(card, 'Z4')).getByTestId('criterion-status')).toHaveTextContent('未达标');
    expect(within(row(card, 'N1')).getByTestId('criterion-value')).toHaveTextContent('自主研发Ⅰ类知识产权');
    expect(within(row(card, 'N4')).getByTestId('criterion-value')).toHaveTextContent('市级');
    expect(within(row(card, 'P')).getByTestId('criterion-requirement')).toHaveTextContent('持有有效的创新型中小企业资质');
    expect(within(card).getAllByRole('row')).toHaveLength(20); // the header and 19 criteria

    // The other tiers.
    const little = screen.getByTestId('tier-card-little_giant');
    expect(within(little).getByTestId('tier-eligible')).toHaveTextContent('暂不符合');
    expect(within(little).getByTestId('tier-score')).toHaveTextContent('不计分');
    // L4's direct route waits on the 创客中国 places, which are not known.
    expect(within(row(little, 'L4')).getByTestId('criterion-status')).toHaveTextContent('缺少数据');
    expect(within(row(little, 'L4')).getByTestId('criterion-value')).toHaveTextContent('研发投入：未达标；研发机构：达标；已实施Ⅰ类知识产权：未达标；直通条件：缺少数据');
    expect(within(screen.getByTestId('tier-card-innovative_sme')).getByTestId('tier-score')).toHaveTextContent('80 分');
  });

  it('lists the missing inputs in words, each linking to where it is filled in', async () => {
    serve();
    const { router } = renderApp('/enterprises/7/self-check');
    const card = await screen.findByTestId('tier-card-specialized_sme');
    const links = within(card).getAllByTestId('missing-input');
    expect(links.map((l) => l.textContent)).toEqual(['2022年 研发费用', '“创客中国”大赛名次']);
    expect(links[0]).toHaveAttribute('href', '/enterprises/7/figures?year=2022&field=rd_expense');
    expect(links[1]).toHaveAttribute('href', '/enterprises/7/facts?edit=1');
    expect(within(screen.getByTestId('tier-card-innovative_sme')).getByTestId('missing-none')).toHaveTextContent('评价所需数据齐全');

    await i18n.changeLanguage('en-US');
    await waitFor(() => expect(within(screen.getByTestId('tier-card-specialized_sme')).getAllByTestId('missing-input')[0]).toHaveTextContent('R&D expense (2022)'));
    expect(within(row(screen.getByTestId('tier-card-specialized_sme'), 'Z1')).getByTestId('criterion-label')).toHaveTextContent('Main-business share of revenue');

    // The link opens the figures of that year, a year not filed yet: a new year's form, the year chosen.
    await userEvent.setup().click(within(screen.getByTestId('tier-card-specialized_sme')).getAllByTestId('missing-input')[0]!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/enterprises/7/figures'));
    expect(await screen.findByTestId('figures-form')).toBeInTheDocument();
    expect(within(screen.getByTestId('figures-year')).getByText('2022')).toBeInTheDocument();
  });

  it('asks for the ruleset and year chosen, and explains a choice the server refuses', async () => {
    const { calls } = serve('city_officer');
    const { router } = renderApp('/enterprises/7/self-check');
    await screen.findByTestId('tier-card-specialized_sme');
    // The server's choice is shown by default.
    expect(within(screen.getByTestId('self-check-year')).getByText('2023年')).toBeInTheDocument();
    expect(within(screen.getByTestId('self-check-ruleset')).getByText('2022年版（工信部企业〔2022〕63号）')).toBeInTheDocument();
    expect(within(screen.getByTestId('tier-card-innovative_sme')).getByTestId('tier-name')).toHaveTextContent('创新型中小企业');
    // Each result names the ruleset it was judged by.
    expect(screen.getAllByTestId('tier-ruleset').map((e) => e.textContent)).toEqual(['2022年版标准', '2022年版标准', '2022年版标准']);

    const user = userEvent.setup();
    fireEvent.mouseDown(within(screen.getByTestId('self-check-ruleset')).getByRole('combobox'));
    await user.click(await screen.findByTitle('2026年版（工信部企业〔2026〕2号）'));
    await waitFor(() => expect(within(screen.getByTestId('tier-card-innovative_sme')).getByTestId('tier-name')).toHaveTextContent('科技和创新型中小企业'));
    expect(within(screen.getByTestId('tier-card-little_giant')).getByTestId('tier-ruleset')).toHaveTextContent('2026年版标准');
    expect(calls.filter((c) => c.path.endsWith('/eligibility')).at(-1)?.url.searchParams.get('ruleset')).toBe('miit-2026');
    expect(new URLSearchParams(router.state.location.search).get('ruleset')).toBe('miit-2026');

    fireEvent.mouseDown(within(screen.getByTestId('self-check-year')).getByRole('combobox'));
    await user.click(await screen.findByTitle('2021年'));
    expect(await screen.findByTestId('self-check-refused')).toHaveTextContent('该年度没有年度数据');
    expect(screen.queryByTestId('tier-card-specialized_sme')).not.toBeInTheDocument();
    const last = calls.filter((c) => c.path.endsWith('/eligibility')).at(-1);
    expect(last?.url.searchParams.get('ruleset')).toBe('miit-2026');
    expect(last?.url.searchParams.get('report_year')).toBe('2021');
  });

  it('names the bottom tier 科技和创新型中小企业 under miit-2026', async () => {
    const example = workedExample();
    for (const r of example.results) r.ruleset = 'miit-2026';
    mockApi({
      ...referenceRoutes,
      'GET /api/v1/auth/me': { body: meAs('enterprise', { enterprise_id: 7 }) },
      'GET /api/v1/enterprises/7': { body: enterprise() },
      'GET /api/v1/enterprises/7/annual-reports': { body: page([]) },
      'GET /api/v1/enterprises/7/eligibility': { body: { ...example, ruleset: 'miit-2026' } },
    });
    renderApp('/enterprises/7/self-check?ruleset=miit-2026');
    const card = await screen.findByTestId('tier-card-innovative_sme');
    expect(within(card).getByTestId('tier-name')).toHaveTextContent('科技和创新型中小企业');
    expect(within(row(screen.getByTestId('tier-card-specialized_sme'), 'P')).getByTestId('criterion-requirement')).toHaveTextContent(
      '持有有效的科技和创新型中小企业资质',
    );
  });
});
