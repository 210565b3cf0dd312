import { describe, expect, it } from 'vitest';
import { pickOption, signIn, signOut, useBrowser } from './support';

describe('region administration', () => {
  const b = useBrowser('regions');
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const code = `E2E${suffix}`;
  const name = `E2E 测试功能区 ${suffix}`;

  it('the admin adds a region, which the enterprise list can then filter by', async () => {
    const page = b.page();
    await signIn(page, 'admin');
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('regions-table').waitFor();
    await page.getByTestId('new-region').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input#code').fill(code);
    await dialog.locator('input#name').fill(name);
    await dialog.locator('input#name_en').fill(`E2E Test Zone ${suffix}`);
    await dialog.getByTestId('region-kind').click();
    await pickOption(page, '功能区');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="regions-table"] tr', { hasText: code }).getByText(name).waitFor();

    // Without a reload: the region selects read the refreshed list.
    await page.getByTestId('nav-enterprises').click();
    await page.getByTestId('enterprises-table').waitFor();
    await page.getByTestId('filter-region').click();
    await page.keyboard.type(suffix);
    const filtered = page.waitForResponse((res) => {
      const url = new URL(res.url());
      return url.pathname === '/api/v1/enterprises' && url.searchParams.get('region') === code;
    });
    await pickOption(page, name);
    const res = await filtered;
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe(code);
    await page.locator('[data-testid="enterprises-table"] .ant-empty').waitFor();
    await signOut(page);
  });
});
