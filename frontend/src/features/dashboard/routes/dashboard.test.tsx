import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Me, Role } from '@/features/auth/api/get-me';
import i18n from '@/lib/i18n';
import { meAs, referenceRoutes } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import type { StatsCells } from '../api/get-stats-by-region';
import type { StatsPipeline } from '../api/get-stats-pipeline';
import type { StatsSummary } from '../api/get-stats-summary';
import type { StatsTrend } from '../api/get-stats-trend';
import type { ChartProps } from '../components/chart-types';

// ECharts needs a canvas-sized box that jsdom lacks: the chart shows its option's series as data
// instead, with one button per bar or point that clicks it as ECharts would.
vi.mock('@/features/dashboard/components/Chart', () => ({
  Chart: ({ option, onClick, testId, ariaLabel }: ChartProps) => {
    const series = (option.series as { name?: string; data: unknown[] }[]).map((s) => ({ name: s.name, data: s.data }));
    return (
      <div data-testid={testId} aria-label={ariaLabel} data-series={JSON.stringify(series)} data-categories={JSON.stringify((option.yAxis as { data?: unknown })?.data ?? null)}>
        {onClick &&
          series.map((s, si) =>
            s.data.map((_, di) => <button key={`${si}-${di}`} type="button" data-testid={`${testId}-s${si}-d${di}`} onClick={() => onClick({ seriesIndex: si, dataIndex: di })} />),
          )}
      </div>
    );
  },
}));

type Row = [tier: StatsSummary['tiers'][number]['tier'], holders: number, highest: number, e90: number, e180: number, candidates: number];
const summaryOf = (asOf: string, rows: Row[]): StatsSummary => ({
  as_of: asOf,
  tiers: rows.map(([tier, holders, highest, e90, e180, candidates]) => ({
    tier,
    holders,
    highest_tier_holders: highest,
    expiring_90: e90,
    expiring_180: e180,
    candidates,
  })),
});

// The demo city's figures on 2023-06-30 and a year before.
const SUMMARIES: Record<string, StatsSummary> = {
  '2023-06-30': summaryOf('2023-06-30', [
    ['innovative_sme', 83, 55, 0, 0, 83],
    ['specialized_sme', 76, 74, 0, 5, 22],
    ['little_giant', 2, 2, 0, 0, 0],
  ]),
  '2022-06-30': summaryOf('2022-06-30', [
    ['innovative_sme', 0, 0, 0, 0, 148],
    ['specialized_sme', 48, 47, 0, 0, 46],
    ['little_giant', 1, 1, 0, 0, 0],
  ]),
  // The server's today, when no date is asked for.
  '2026-11-27': summaryOf('2026-11-27', [
    ['innovative_sme', 1204, 710, 0, 0, 62],
    ['specialized_sme', 95, 93, 30, 30, 9],
    ['little_giant', 2, 2, 0, 0, 0],
  ]),
  '2025-11-27': summaryOf('2025-11-27', [
    ['innovative_sme', 128, 78, 0, 0, 40],
    ['specialized_sme', 99, 97, 0, 0, 12],
    ['little_giant', 5, 5, 0, 0, 0],
  ]),
};

const byRegion = (asOf: string): StatsCells => ({
  as_of: asOf,
  items: [
    { code: '445202', name: '榕城区', tier: 'innovative_sme', holders: 17, highest_tier_holders: 11 },
    { code: '445202', name: '榕城区', tier: 'little_giant', holders: 1, highest_tier_holders: 1 },
    { code: '445202', name: '榕城区', tier: 'specialized_sme', holders: 15, highest_tier_holders: 14 },
    { code: '445203', name: '揭东区', tier: 'specialized_sme', holders: 6, highest_tier_holders: 6 },
  ],
});

const byIndustry = (asOf: string): StatsCells => ({
  as_of: asOf,
  items: [
    { code: 'C', name: '制造业', tier: 'specialized_sme', holders: 68, highest_tier_holders: 66 },
    { code: 'I', name: '信息传输、软件和信息技术服务业', tier: 'specialized_sme', holders: 8, highest_tier_holders: 8 },
  ],
});

const trend = (from: number, to: number): StatsTrend => ({
  from,
  to,
  items: [
    { year: 2022, tier: 'specialized_sme', new_qualifications: 28, holders_at_year_end: 76 },
    { year: 2023, tier: 'specialized_sme', new_qualifications: 15, holders_at_year_end: 86 },
  ],
});

const pipeline = (asOf: string): StatsPipeline => ({
  as_of: asOf,
  items:
    asOf === '2023-06-30'
      ? [
          { batch_id: 9, batch_name: '2023年广东省专精特新中小企业', tier: 'specialized_sme', state: 'county_review', count: 4 },
          { batch_id: 9, batch_name: '2023年广东省专精特新中小企业', tier: 'specialized_sme', state: 'recommended', count: 2 },
          { batch_id: 9, batch_name: '2023年广东省专精特新中小企业', tier: 'specialized_sme', state: 'returned', count: 1 },
        ]
      : [],
});

const TODAY = '2026-11-27';

function serve(role: Role, overrides: Partial<Me> = {}) {
  const asOf = (url: URL) => url.searchParams.get('as_of') ?? TODAY;
  return mockApi({
    ...referenceRoutes,
    'GET /api/v1/auth/me': { body: meAs(role, overrides) },
    'GET /api/v1/stats/summary': ({ url }) => {
      const found = SUMMARIES[asOf(url)];
      return found ? { body: found } : { status: 422, body: { error: { code: 'validation_failed', message: 'no such date' } } };
    },
    'GET /api/v1/stats/by-region': ({ url }) => ({ body: byRegion(asOf(url)) }),
    'GET /api/v1/stats/by-industry': ({ url }) => ({ body: byIndustry(asOf(url)) }),
    'GET /api/v1/stats/trend': ({ url }) => ({ body: trend(Number(url.searchParams.get('from')), Number(url.searchParams.get('to'))) }),
    'GET /api/v1/stats/pipeline': ({ url }) => ({ body: pipeline(asOf(url)) }),
  });
}

const card = (tier: string) => screen.getByTestId(`dashboard-card-${tier}`);
const seriesOf = (testId: string) => JSON.parse(screen.getByTestId(testId).getAttribute('data-series') ?? '[]') as { name: string; data: number[] }[];

describe('dashboard', () => {
  it('shows each tier as of the date in the URL against the same date a year before', async () => {
    const { callsTo } = serve('leader');
    renderApp('/dashboard?as_of=2023-06-30');
    await waitFor(() => expect(within(card('specialized_sme')).getByTestId('dashboard-card-change')).toHaveTextContent('+28 (+58.3%)'));

    // The summary is asked twice: as of the date, and as of the same date a year before.
    expect(callsTo('GET', '/api/v1/stats/summary').map((c) => c.url.searchParams.get('as_of'))).toEqual(['2023-06-30', '2022-06-30']);
    expect(callsTo('GET', '/api/v1/stats/by-region')[0]?.url.searchParams.get('as_of')).toBe('2023-06-30');
    expect(callsTo('GET', '/api/v1/stats/pipeline')[0]?.url.searchParams.get('as_of')).toBe('2023-06-30');
    // The trend runs over the as-of year and the five before it.
    const trendAsked = callsTo('GET', '/api/v1/stats/trend')[0]?.url.searchParams;
    expect([trendAsked?.get('from'), trendAsked?.get('to')]).toEqual(['2018', '2023']);

    // The top of the ladder first.
    expect(screen.getAllByTestId(/^dashboard-card-(little_giant|specialized_sme|innovative_sme)$/).map((c) => c.getAttribute('data-testid'))).toEqual([
      'dashboard-card-little_giant',
      'dashboard-card-specialized_sme',
      'dashboard-card-innovative_sme',
    ]);
    expect(card('little_giant')).toHaveTextContent('专精特新“小巨人”企业');
    expect(within(card('little_giant')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^2$/);
    expect(within(card('little_giant')).getByTestId('dashboard-card-change')).toHaveTextContent('+1 (+100%) 较上年同期');
    expect(within(card('specialized_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^76$/);
    expect(within(card('specialized_sme')).getByTestId('dashboard-card-highest')).toHaveTextContent('按最高梯度计 74 家');
    expect(within(card('innovative_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^83$/);
    // None a year before: no percentage to show.
    expect(within(card('innovative_sme')).getByTestId('dashboard-card-change')).toHaveTextContent('上年同期无');
    const holding = screen.getByTestId('dashboard-card-holding');
    expect(within(holding).getByTestId('dashboard-card-holders')).toHaveTextContent(/^131$/);
    expect(within(holding).getByTestId('dashboard-card-change')).toHaveTextContent('+83 (+172.9%)');
    expect(screen.getByTestId('dashboard-scope')).toHaveTextContent('数据截至 2023年6月30日 · 区域：全市 · 行业：全部行业');
    expect(screen.getByTestId('dashboard-compare')).toHaveTextContent('2022年6月30日');

    // Each tier's holders over every region in the regions' order (none where none), stacked.
    await waitFor(() => expect(screen.getByTestId('dashboard-by-region-chart')).toBeInTheDocument());
    expect(JSON.parse(screen.getByTestId('dashboard-by-region-chart').getAttribute('data-categories') ?? '')).toEqual(['榕城区', '普宁市', '揭东区']);
    expect(seriesOf('dashboard-by-region-chart')).toEqual([
      { name: '专精特新“小巨人”企业', data: [1, 0, 0] },
      { name: '专精特新中小企业', data: [15, 0, 6] },
      { name: '创新型中小企业', data: [17, 0, 0] },
      { name: 'total', data: [0, 0, 0] },
    ]);
    expect(seriesOf('dashboard-trend-holders-chart').map((s) => s.data)).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 76, 86],
      [0, 0, 0, 0, 0, 0],
    ]);
    expect(screen.getByTestId('dashboard-trend-note')).toHaveTextContent('2023 年按全年计');

    // The funnel of the batch open on the date, and what left the way.
    expect(seriesOf('dashboard-pipeline-chart')[0]?.data).toEqual([
      { name: '已申报', value: 7 },
      { name: '已提交', value: 7 },
      { name: '通过县区初审', value: 2 },
      { name: '已推荐', value: 2 },
      { name: '已认定', value: 0 },
    ]);
    expect(screen.getByTestId('dashboard-pipeline-sideline')).toHaveTextContent('未获认定 0 · 退回 1 · 驳回 0 · 撤回 0');

    // Expiring soon and the candidates, each opening its list.
    expect(screen.getByTestId('dashboard-expiring180-specialized_sme')).toHaveTextContent('5');
    expect(screen.getByTestId('dashboard-expiring180-specialized_sme')).toHaveAttribute(
      'href',
      '/qualifications?tier=specialized_sme&status=valid&as_of=2023-06-30&expiring_within_days=180',
    );
    expect(screen.getByTestId('dashboard-candidates-specialized_sme')).toHaveTextContent('22');
    expect(screen.getByTestId('dashboard-candidates-specialized_sme')).toHaveAttribute('href', '/cultivation?target_tier=specialized_sme&status=eligible');
  });

  it('opens the list of holders matching a card or a bar', async () => {
    serve('leader');
    const { router } = renderApp('/dashboard?as_of=2023-06-30&region=445202');
    await waitFor(() => expect(within(card('specialized_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^76$/));
    expect(card('specialized_sme')).toHaveAttribute('href', '/qualifications?tier=specialized_sme&status=valid&as_of=2023-06-30&region=445202');

    // The bar of the specialised SMEs (series 1) in the first region.
    await userEvent.click(await screen.findByTestId('dashboard-by-region-chart-s1-d0'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/qualifications'));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      tier: 'specialized_sme',
      status: 'valid',
      as_of: '2023-06-30',
      region: '445202',
    });
  });

  it('opens the holders of an industry from its bar, keeping the region', async () => {
    serve('city_officer');
    const { router } = renderApp('/dashboard?as_of=2023-06-30&region=445281');
    // The industry chart has no region of its own: the chosen one is kept, the industry is the bar's.
    await userEvent.click(await screen.findByTestId('dashboard-by-industry-chart-s1-d1'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/qualifications'));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      tier: 'specialized_sme',
      status: 'valid',
      as_of: '2023-06-30',
      region: '445281',
      industry: 'I',
    });
  });

  it("counts as of the server's today when no date is asked for, and keeps a chosen date in the URL", async () => {
    const { callsTo } = serve('leader');
    const { router } = renderApp('/dashboard');
    await waitFor(() => expect(within(card('innovative_sme')).getByTestId('dashboard-card-change')).toHaveTextContent('+1,076 (+840.6%)'));
    // Numbers are grouped the language's way.
    expect(within(card('innovative_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^1,204$/);
    expect(within(card('little_giant')).getByTestId('dashboard-card-change')).toHaveTextContent('-3 (-60%)');
    // The first ask leaves the date to the server; the year before is the server's today a year back.
    expect(callsTo('GET', '/api/v1/stats/summary').map((c) => c.url.searchParams.get('as_of'))).toEqual([null, '2025-11-27']);
    const trendAsked = callsTo('GET', '/api/v1/stats/trend')[0]?.url.searchParams;
    expect([trendAsked?.get('from'), trendAsked?.get('to')]).toEqual(['2021', '2026']);
    expect(screen.getByTestId('dashboard-pipeline-empty')).toHaveTextContent('2026年11月27日 开放的批次中暂无申报');

    const user = userEvent.setup();
    const input = within(screen.getByTestId('dashboard-filters')).getByRole('textbox', { name: '统计日期' });
    expect(input).toHaveValue(TODAY);
    await user.click(input);
    await user.clear(input);
    await user.type(input, '2023-06-30{Enter}');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('as_of')).toBe('2023-06-30'));
    await waitFor(() => expect(within(card('specialized_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^76$/));
    expect(within(card('little_giant')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^2$/);
    expect(within(card('innovative_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^83$/);
    expect(callsTo('GET', '/api/v1/stats/summary').map((c) => c.url.searchParams.get('as_of'))).toContain('2022-06-30');
  });

  it("keeps a county officer to its own region", async () => {
    const { callsTo } = serve('county_officer');
    renderApp('/dashboard?as_of=2023-06-30');
    await waitFor(() => expect(within(card('specialized_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^76$/));
    for (const path of ['/api/v1/stats/summary', '/api/v1/stats/by-region', '/api/v1/stats/by-industry', '/api/v1/stats/trend', '/api/v1/stats/pipeline']) {
      expect(callsTo('GET', path).every((c) => c.url.searchParams.get('region') === '445202'), path).toBe(true);
    }
    expect(screen.getByTestId('dashboard-scope')).toHaveTextContent('区域：榕城区');
    expect(card('little_giant')).toHaveAttribute('href', '/qualifications?tier=little_giant&status=valid&as_of=2023-06-30&region=445202');
    // Only its own region is drawn.
    await waitFor(() => expect(JSON.parse(screen.getByTestId('dashboard-by-region-chart').getAttribute('data-categories') ?? '')).toEqual(['榕城区', '揭东区']));
  });

  it('exports each statistics table with the same filters, in the UI language', async () => {
    serve('leader');
    renderApp('/dashboard?as_of=2023-06-30&industry=C');
    await waitFor(() => expect(within(card('specialized_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^76$/));
    await userEvent.click(screen.getByTestId('dashboard-export'));
    const href = (key: string) => new URL(screen.getByTestId(`dashboard-export-${key}`).getAttribute('href') ?? '', 'http://x');
    expect(href('by-region').pathname).toBe('/api/v1/stats/by-region');
    expect(Object.fromEntries(href('by-region').searchParams)).toEqual({ as_of: '2023-06-30', industry: 'C', format: 'xlsx', lang: 'zh-CN' });
    expect(Object.fromEntries(href('trend').searchParams)).toEqual({ industry: 'C', from: '2018', to: '2023', format: 'xlsx', lang: 'zh-CN' });
    for (const key of ['summary', 'by-industry', 'pipeline']) expect(href(key).searchParams.get('format'), key).toBe('xlsx');
  });

  it('speaks English with the tier names and numbers of the language', async () => {
    serve('leader');
    renderApp('/dashboard?as_of=2023-06-30');
    await waitFor(() => expect(within(card('specialized_sme')).getByTestId('dashboard-card-holders')).toHaveTextContent(/^76$/));
    await i18n.changeLanguage('en-US');
    await waitFor(() => expect(card('specialized_sme')).toHaveTextContent('Specialised SME'));
    expect(within(card('specialized_sme')).getByTestId('dashboard-card-change')).toHaveTextContent('+28 (+58.3%) vs. a year before');
    expect(within(card('innovative_sme')).getByTestId('dashboard-card-change')).toHaveTextContent('none a year before');
    expect(screen.getByTestId('dashboard-scope')).toHaveTextContent('Figures as of June 30, 2023 · Region: Whole city · Industry: All industries');
    await waitFor(() => expect(JSON.parse(screen.getByTestId('dashboard-by-region-chart').getAttribute('data-categories') ?? '')).toEqual(['Rongcheng District', 'Puning City', '揭东区']));
  });

  it('is not for an enterprise user', async () => {
    const { callsTo } = serve('enterprise');
    renderApp('/dashboard');
    expect(await screen.findByTestId('page-403')).toBeInTheDocument();
    expect(callsTo('GET', '/api/v1/stats/summary')).toHaveLength(0);
  });
});
