import { readFileSync } from 'node:fs';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiAs, signIn, useBrowser } from './support';

type Summary = { as_of: string; tiers: { tier: string; holders: number; highest_tier_holders: number; expiring_90: number; expiring_180: number; candidates: number }[] };

const TIERS = ['little_giant', 'specialized_sme', 'innovative_sme'] as const;

/** statsLoaded resolves when the statistic at `path` asked with `params` (and none of `absent`) has answered. */
function statsLoaded(page: Page, path: string, params: Record<string, string>, absent: string[] = []) {
  return page.waitForResponse((res) => {
    const url = new URL(res.url());
    return (
      url.pathname === path &&
      Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v) &&
      absent.every((k) => !url.searchParams.has(k))
    );
  });
}

async function summaryOf(api: APIRequestContext, asOf?: string): Promise<Summary> {
  const res = await api.get(`/api/v1/stats/summary${asOf ? `?as_of=${asOf}` : ''}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Summary;
}

/** yearBefore is the same date a year earlier (29 February becoming 28 February). */
function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const holdersOf = (s: Summary, tier: string) => s.tiers.find((t) => t.tier === tier)?.holders ?? 0;

/** A signed number as the zh-CN card writes it: +3, -2, 0. */
const signed = (n: number) => new Intl.NumberFormat('zh-CN', { signDisplay: 'exceptZero' }).format(n);

async function cardFigures(card: Locator) {
  return {
    holders: (await card.getByTestId('dashboard-card-holders').innerText()).trim(),
    change: (await card.getByTestId('dashboard-card-change').innerText()).trim(),
  };
}

/** expectCardsToShow waits until each tier's card shows the summary's holders, with the change against the year before. */
async function expectCardsToShow(page: Page, now: Summary, before: Summary) {
  for (const tier of TIERS) {
    const card = page.getByTestId(`dashboard-card-${tier}`);
    const value = holdersOf(now, tier);
    const previous = holdersOf(before, tier);
    await expect.poll(async () => (await cardFigures(card)).holders, { timeout: 15_000 }).toBe(new Intl.NumberFormat('zh-CN').format(value));
    const change = (await cardFigures(card)).change;
    if (previous === 0 && value > 0) expect(change, tier).toBe('上年同期无');
    else expect(change.startsWith(signed(value - previous)), `${tier}: ${change}`).toBe(true);
  }
}

describe('the leader reads the dashboard, goes back to mid-2023, opens a region and a tier and exports it', () => {
  const b = useBrowser('dashboard');
  let api: APIRequestContext;

  afterAll(async () => {
    await api?.dispose();
  });

  it('lands on the dashboard, changes the as-of date, clicks through from a bar and a card to the list with the same filters, and exports it', async () => {
    const page = b.page();
    api = await apiAs('leader');

    // Today's figures, as the API answers them, are what the leader lands on.
    const today = await summaryOf(api);
    const aYearAgo = await summaryOf(api, yearBefore(today.as_of));
    const landed = statsLoaded(page, '/api/v1/stats/summary', {}, ['as_of']);
    await signIn(page, 'leader');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect((await landed).status()).toBe(200);
    await page.getByTestId('dashboard-cards').waitFor();
    await expectCardsToShow(page, today, aYearAgo);

    // Back to 30 June 2023, by the date picker; the date goes into the URL.
    const then = await summaryOf(api, '2023-06-30');
    const thenAYearAgo = await summaryOf(api, yearBefore('2023-06-30'));
    // What the bureau reported for that date (issue 5): 2 little giants, 76 specialised SMEs, 83 innovative SMEs.
    expect(TIERS.map((t) => holdersOf(then, t))).toEqual([2, 76, 83]);
    const asked = statsLoaded(page, '/api/v1/stats/summary', { as_of: '2023-06-30' });
    const askedBefore = statsLoaded(page, '/api/v1/stats/summary', { as_of: '2022-06-30' });
    const input = page.getByTestId('dashboard-filters').getByRole('textbox', { name: '统计日期' });
    await input.click();
    await input.fill('2023-06-30');
    await input.press('Enter');
    expect((await asked).status()).toBe(200);
    expect((await askedBefore).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).searchParams.get('as_of')).toBe('2023-06-30');
    await expectCardsToShow(page, then, thenAYearAgo);
    expect(await page.getByTestId('dashboard-scope').innerText()).toContain('数据截至 2023年6月30日');
    // The charts are drawn (ECharts loaded on demand).
    await page.getByTestId('dashboard-by-region-chart').locator('svg').first().waitFor();
    await page.getByTestId('dashboard-trend-holders-chart').locator('svg').first().waitFor();

    // A bar opens the holders of its tier and region: the specialised SMEs (blue) of the first region.
    const regions = (await (await api.get('/api/v1/regions')).json()) as { items: { code: string; order: number }[] };
    const firstRegion = [...regions.items].sort((a, b) => a.order - b.order)[0]!.code;
    const cells = (await (await api.get('/api/v1/stats/by-region?as_of=2023-06-30')).json()) as { items: { code: string; tier: string; holders: number }[] };
    const inFirstRegion = cells.items.find((c) => c.code === firstRegion && c.tier === 'specialized_sme')?.holders ?? 0;
    expect(inFirstRegion, 'the first region holds specialised SMEs').toBeGreaterThan(0);
    const bars = [];
    for (const path of await page.getByTestId('dashboard-by-region-chart').locator('path[fill="#1677ff"]').all()) {
      const box = await path.boundingBox();
      // The legend's swatch is smaller than a bar.
      if (box && box.height > 14) bars.push(box);
    }
    bars.sort((a, b) => a.y - b.y);
    const bar = bars[0]!;
    const regionListed = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/qualifications' && res.request().method() === 'GET');
    await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await page.getByTestId('qualifications-table').waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ tier: 'specialized_sme', status: 'valid', as_of: '2023-06-30', region: firstRegion });
    expect(((await (await regionListed).json()) as { total: number }).total).toBe(inFirstRegion);
    await page.goBack();
    await page.getByTestId('dashboard-cards').waitFor();
    await expectCardsToShow(page, then, thenAYearAgo);

    // The specialised SMEs' card opens the qualification list of the same tier, date and status.
    const listed = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/qualifications' && res.request().method() === 'GET');
    await page.getByTestId('dashboard-card-specialized_sme').click();
    await page.getByTestId('qualifications-table').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/qualifications');
    expect(Object.fromEntries(url.searchParams)).toEqual({ tier: 'specialized_sme', status: 'valid', as_of: '2023-06-30' });
    const list = await listed;
    const asking = new URL(list.url()).searchParams;
    expect([asking.get('tier'), asking.get('status'), asking.get('as_of')]).toEqual(['specialized_sme', 'valid', '2023-06-30']);
    // The list holds exactly the card's figure.
    const { total } = (await list.json()) as { total: number };
    expect(total).toBe(holdersOf(then, 'specialized_sme'));
    await expect.poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe(`共 ${total} 条`);

    // The list's export is the same rows as an .xlsx workbook.
    const href = await page.getByTestId('qualifications-export').getAttribute('href');
    const exportUrl = new URL(href ?? '', page.url());
    expect(Object.fromEntries(exportUrl.searchParams)).toMatchObject({ tier: 'specialized_sme', status: 'valid', as_of: '2023-06-30', format: 'xlsx' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qualifications-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await download.failure()).toBeNull();
    const bytes = readFileSync(await download.path());
    // An .xlsx is a zip.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    // The same link, asked with the leader's session, answers 200 with a workbook.
    const res = await page.context().request.get(exportUrl.toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    expect((await res.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
