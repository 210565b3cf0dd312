import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pickOption, signIn, useBrowser } from './support';

async function total(page: Page): Promise<number> {
  const text = (await page.getByTestId('enterprises-total').textContent()) ?? '';
  const n = Number(/\d+/.exec(text)?.[0]);
  if (!Number.isFinite(n)) throw new Error(`no total in "${text}"`);
  return n;
}

/** waitForTotal waits until the table has settled (no load running) on a total that satisfies `ok`. */
async function waitForTotal(page: Page, ok: (n: number) => boolean): Promise<number> {
  const spinning = page.locator('[data-testid="enterprises-table"] .ant-spin-spinning');
  await expect.poll(async () => (await spinning.count()) === 0 && ok(await total(page)), { timeout: 15_000 }).toBe(true);
  return total(page);
}

/** listLoaded resolves when the list request whose query has `params` has answered. */
function listLoaded(page: Page, params: Record<string, string | null>) {
  return page.waitForResponse((res) => {
    const url = new URL(res.url());
    if (url.pathname !== '/api/v1/enterprises') return false;
    return Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
  });
}

const column = (page: Page, index: number) =>
  page.locator('[data-testid="enterprises-table"] tbody tr.ant-table-row').evaluateAll(
    (rows, i) => rows.map((r) => (r.querySelectorAll('td')[i] as HTMLElement | undefined)?.innerText.trim() ?? ''),
    index,
  );

describe('enterprise registry: search and filter', () => {
  const b = useBrowser('registry');

  it('narrows the table by q and by region, in the URL and across a reload', async () => {
    const page = b.page();
    await signIn(page, 'city');
    await page.getByTestId('enterprises-table').waitFor();
    const all = await waitForTotal(page, (n) => n > 0);
    expect(all).toBeGreaterThanOrEqual(150);

    // Region 普宁市 only.
    await page.getByTestId('filter-region').click();
    const regionLoaded = listLoaded(page, { region: '445281' });
    await pickOption(page, '普宁市');
    await regionLoaded;
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('445281');
    const inPuning = await waitForTotal(page, (n) => n > 0 && n < all);
    const regions = await column(page, 2);
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set(['普宁市']));

    // A part of one enterprise's name, within the region.
    const names = await column(page, 0);
    const fragment = [...(names[0] ?? '')].slice(2, 4).join('');
    expect(fragment.length).toBe(2);
    await page.getByTestId('enterprise-search').locator('input').fill(fragment);
    const qLoaded = listLoaded(page, { q: fragment, region: '445281' });
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await qLoaded;
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(fragment);
    const both = await waitForTotal(page, (n) => n >= 1 && n <= inPuning);
    for (const name of await column(page, 0)) expect(name).toContain(fragment);
    expect(new Set(await column(page, 2))).toEqual(new Set(['普宁市']));

    // The filtered list is linkable: a reload keeps it.
    await page.reload();
    await page.getByTestId('enterprises-table').waitFor();
    expect(await waitForTotal(page, (n) => n === both)).toBe(both);
    expect(await page.getByTestId('enterprise-search').locator('input').inputValue()).toBe(fragment);

    // Clearing the region widens it again; q alone is still narrower than everything.
    await page.getByTestId('filter-region').hover();
    const widened = listLoaded(page, { q: fragment, region: null });
    await page.getByTestId('filter-region').locator('.ant-select-clear').click();
    await widened;
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBeNull();
    const qOnly = await waitForTotal(page, (n) => n >= both && n < all);
    expect(qOnly).toBeLessThan(all);
  });

  it('finds one enterprise by its credit code', async () => {
    const page = b.page();
    await page.goto('/enterprises');
    await waitForTotal(page, (n) => n > 1);
    const code = (await column(page, 1))[0] ?? '';
    expect(code).toHaveLength(18);
    await page.getByTestId('enterprise-search').locator('input').fill(code);
    const found = listLoaded(page, { q: code });
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await found;
    expect(await waitForTotal(page, (n) => n === 1)).toBe(1);
    expect(await column(page, 1)).toEqual([code]);
  });

  it('a county officer sees only its own region, fixed', async () => {
    const page = b.page();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await signIn(page, 'county');
    await page.getByTestId('enterprises-table').waitFor();
    await waitForTotal(page, (n) => n > 0);
    expect(new Set(await column(page, 2))).toEqual(new Set(['榕城区']));
    expect(await page.getByTestId('filter-region').getAttribute('class')).toContain('ant-select-disabled');
  });
});
