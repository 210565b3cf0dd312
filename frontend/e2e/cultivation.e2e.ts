import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, pickOption, signIn, signOut, useBrowser } from './support';

type Eligibility = { report_year: number; results: { tier: string; ruleset: string; eligible: boolean; score: number | null }[] };
type Reports = { items: { year: number; rd_expense: number | null; version: number }[] };

/** poolLoaded resolves when the pool list whose query has `params` has answered. */
function poolLoaded(page: Page, params: Record<string, string>) {
  return page.waitForResponse((res) => {
    const url = new URL(res.url());
    return url.pathname === '/api/v1/cultivation' && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
  });
}

describe('enterprise → annual figures → self-check → the officer sees it in the pool', () => {
  const b = useBrowser('cultivation');

  it('walks from filing the figures to following the enterprise up, and exports the pool', async () => {
    const page = b.page();

    // What the registry holds for the demo enterprise, straight from the API.
    const api = await apiAs('enterprise');
    const me = (await (await api.get('/api/v1/auth/me')).json()) as { enterprise_id: number };
    const id = me.enterprise_id;
    const { name } = (await (await api.get(`/api/v1/enterprises/${id}`)).json()) as { name: string };
    const before = (await (await api.get(`/api/v1/enterprises/${id}/annual-reports`)).json()) as Reports;
    const latest = before.items[0];
    expect(latest, 'the demo enterprise has filed figures').toBeTruthy();
    const year = latest!.year;

    // The enterprise user opens 我的企业 → 年度数据, edits the latest year's R&D expense and saves.
    await signIn(page, 'enterprise');
    await page.getByTestId('nav-my-enterprise').click();
    await page.getByTestId('enterprise-tab-figures').click();
    await page.getByTestId('figures-table').waitFor();
    await page.getByTestId(`figures-open-${year}`).click();
    await page.getByTestId('figures-form').waitFor();
    // The stored yuan show as 万元; a new figure goes in as 万元 too.
    expect(await page.locator('input#rd_expense').inputValue()).toBe(String((latest!.rd_expense ?? 0) / 10_000));
    await page.locator('input#rd_expense').fill('412.3456');
    const saved = page.waitForResponse((res) => res.request().method() === 'PUT' && res.url().includes(`/annual-reports/${year}`));
    await page.getByTestId('figures-submit').click();
    expect((await saved).status()).toBe(200);
    await page.getByText(`${year} 年度数据已保存`).waitFor();
    await page.getByTestId('figures-table').waitFor();
    await expect.poll(() => page.getByTestId('figures-table').locator('tbody tr.ant-table-row').first().innerText()).toContain('412.3456');
    const after = (await (await api.get(`/api/v1/enterprises/${id}/annual-reports`)).json()) as Reports;
    expect(after.items[0]).toMatchObject({ year, rd_expense: 4_123_456, version: latest!.version + 1 });

    // 自评: the innovative SME result.
    await page.getByTestId('enterprise-tab-self-check').click();
    const card = page.getByTestId('tier-card-innovative_sme');
    await card.waitFor();
    const eligibility = (await (await api.get(`/api/v1/enterprises/${id}/eligibility`)).json()) as Eligibility;
    const innovative = eligibility.results.find((r) => r.tier === 'innovative_sme');
    expect(innovative?.eligible).toBe(true);
    // Under the 2026 measures (in force from 2026-04-01) the bottom tier is named anew.
    expect(await card.getByTestId('tier-name').innerText()).toBe(innovative?.ruleset === 'miit-2026' ? '科技和创新型中小企业' : '创新型中小企业');
    expect(await card.getByTestId('tier-eligible').innerText()).toContain('符合条件');
    expect(await card.getByTestId('tier-score').innerText()).toBe(`${innovative?.score} 分`);
    // The R&D ratio judged is the new one.
    expect(await card.getByTestId('criterion-I2').getByTestId('criterion-value').innerText()).toMatch(/%$/);
    await api.dispose();
    await signOut(page);

    // The county officer opens 培育库 for the innovative SME and finds the enterprise with its score.
    await signIn(page, 'county');
    await page.getByTestId('nav-cultivation').click();
    await page.getByTestId('pool-table').waitFor();
    await page.getByTestId('pool-filter-tier').click();
    const innovativePool = poolLoaded(page, { target_tier: 'innovative_sme' });
    await pickOption(page, '创新型中小企业');
    await innovativePool;
    await expect.poll(() => new URL(page.url()).searchParams.get('target_tier')).toBe('innovative_sme');
    const row = page.getByTestId(`pool-row-${id}`);
    await row.waitFor();
    expect(await row.getByTestId('pool-enterprise-link').innerText()).toBe(name);
    expect(await row.getByTestId('pool-score').innerText()).toBe(String(innovative?.score));
    expect(await row.getByTestId('pool-eligible').innerText()).toBe('符合条件');

    // It puts the enterprise into the pool, following it itself, with a follow-up date.
    await page.getByTestId(`pool-add-${id}`).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('pool-entry-form').waitFor();
    await expect.poll(() => dialog.getByTestId('pool-entry-owner').innerText()).toContain('林晓');
    await dialog.locator('input#follow_up_on').click();
    await dialog.locator('input#follow_up_on').fill('2027-01-15');
    await dialog.locator('input#follow_up_on').press('Enter');
    await dialog.locator('textarea#note').fill('E2E：约谈研发投入');
    const created = page.waitForResponse((res) => res.request().method() === 'POST' && res.url().endsWith('/api/v1/cultivation/entries'));
    await page.getByTestId('pool-entry-submit').click();
    expect((await created).status()).toBe(201);
    await expect.poll(() => row.getByTestId('pool-owner').innerText()).toContain('林晓');
    expect(await row.getByTestId('pool-follow-up').innerText()).toBe('2027年1月15日');
    expect(await page.getByTestId(`pool-edit-${id}`).count()).toBe(1);

    // Only the followed ones, by the URL's filter.
    await page.getByTestId('pool-filter-followed').click();
    const followed = poolLoaded(page, { target_tier: 'innovative_sme', followed: 'true' });
    await pickOption(page, '已入库');
    await followed;
    await expect.poll(() => page.getByTestId('pool-table').locator('tbody tr.ant-table-row').count()).toBe(1);

    // The export is the same list as an .xlsx workbook.
    const href = await page.getByTestId('pool-export').getAttribute('href');
    const exported = new URL(href ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(exported)).toMatchObject({ target_tier: 'innovative_sme', followed: 'true', region: '445202', format: 'xlsx', lang: 'zh-CN' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pool-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(0);
    // An .xlsx is a zip.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
