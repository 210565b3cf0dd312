import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiAs, baseUrl, launchBrowser, pickOption, signIn, signOut, useBrowser } from './support';

type Notice = { id: number; title: string; contact: string; open: boolean; entries: { application_id: number; enterprise_name: string; credit_code: string }[] };

/** The demo city's open notice, read as anyone reads it. */
async function openNotice(): Promise<Notice> {
  const res = await fetch(`${baseUrl()}/api/v1/public/notices`);
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: Notice[] };
  const open = items.find((n) => n.open);
  expect(open, 'the demo city seeds an open notice').toBeDefined();
  return open!;
}

// A tiny but real PDF, as a member of the public would attach.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('the public notice', () => {
  const b = useBrowser('notices');

  it('opens without a session, lodges an objection with evidence, and the city dismisses it with a reason', async () => {
    const notice = await openNotice();
    const entry = notice.entries[0]!;
    const page = b.page();

    await page.goto('/notices');
    await page.getByTestId(`public-notice-link-${notice.id}`).click();
    await page.getByTestId('notice-title').waitFor();
    expect(await page.getByTestId('notice-title').textContent()).toBe(notice.title);
    expect(await page.getByTestId('notice-contact').textContent()).toBe(notice.contact);
    expect(await page.getByTestId('notice-status').first().textContent()).toBe('公示中');
    expect(await page.getByTestId('notice-entry').count()).toBe(notice.entries.length);
    // Nobody is signed in: no menu, no redirect to sign-in.
    expect(await page.getByTestId('side-menu').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/notices/${notice.id}`);

    await page.getByTestId(`object-${entry.application_id}`).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('objection-enterprise').textContent()).toBe(entry.enterprise_name);
    // The form's own checks first: required fields, a real phone, reasons long enough, evidence of the right type.
    await dialog.getByTestId('objection-submit').click();
    await dialog.getByText('此项为必填项').first().waitFor();
    await dialog.getByTestId('objection-phone').fill('12345');
    await dialog.getByTestId('objection-reasons').fill('数据不实');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await dialog.getByTestId('objection-submit').click();
    await dialog.getByText('请填写有效的联系电话', { exact: false }).waitFor();
    await dialog.getByText('异议理由不少于 10 个字').waitFor();
    await dialog.getByText('只能上传 PDF、JPG 或 PNG 文件').waitFor();

    await dialog.locator('.ant-upload-list-item').getByRole('button').click();
    await dialog.locator('input[type=file]').setInputFiles({ name: 'evidence.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByTestId('objection-name').fill('张三');
    await dialog.getByTestId('objection-phone').fill('13800138000');
    await dialog.getByTestId('objection-reasons').fill('该企业申报的研发人员数量与社保缴纳记录明显不符，请核实。');
    await dialog.getByTestId('objection-submit').click();
    await dialog.getByTestId('objection-lodged').waitFor();
    await dialog.getByTestId('objection-done').click();

    // The city finds it on the application's page, with the evidence, and dismisses it with a reason.
    await signIn(page, 'city');
    await page.goto(`/applications/${entry.application_id}`);
    const panel = page.getByTestId('objections-panel');
    await panel.waitFor();
    const objection = panel.locator('[data-testid^="objection-"]', { hasText: '张三' }).first();
    expect(await objection.getByTestId('objection-status').textContent()).toBe('待处理');
    expect(await objection.getByTestId('objection-file').textContent()).toContain('evidence.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), objection.getByTestId('objection-file').click()]);
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');

    await objection.locator('[data-testid^="dismiss-objection-"]').click();
    const resolve = page.getByRole('dialog');
    await resolve.getByTestId('resolve-submit').click();
    await resolve.getByText('请填写处理理由').waitFor();
    await resolve.getByTestId('resolve-resolution').fill('经核实，社保记录与申报一致，异议不成立。');
    await resolve.getByTestId('resolve-submit').click();
    await expect.poll(() => objection.getByTestId('objection-status').textContent()).toBe('不予采纳');
    expect(await objection.getByTestId('objection-resolution').textContent()).toContain('异议不成立');
    await signOut(page);
  });

  it('fits a phone: one card per enterprise and nothing wider than the screen', async () => {
    const notice = await openNotice();
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ baseURL: baseUrl(), locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`/notices/${notice.id}`);
      await page.getByTestId('notice-title').waitFor();
      expect(await page.getByTestId('notice-entry').count()).toBe(notice.entries.length);
      expect(await page.locator('.ant-table').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByTestId(`object-${notice.entries[0]!.application_id}`).click();
      await page.getByTestId('objection-form').waitFor();
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

describe('the annual update', () => {
  const b = useBrowser('annual-updates');

  it("shows the city this year's list, filters it, and exports it", async () => {
    const city = await apiAs('city');
    const year = new Date().getFullYear();
    const res = await city.get(`/api/v1/annual-updates?year=${year}&page_size=200`);
    expect(res.status()).toBe(200);
    const { total } = (await res.json()) as { total: number };
    await city.dispose();

    const page = b.page();
    await signIn(page, 'city');
    await page.getByTestId('nav-annual-updates').click();
    await page.getByTestId('annual-updates-table').waitFor();
    if (total > 0) await page.getByTestId('annual-update-status').first().waitFor();
    else await page.locator('.ant-table-placeholder').waitFor();

    await page.getByTestId('annual-filter-status').click();
    await Promise.all([page.waitForResponse((r) => r.url().includes('/api/v1/annual-updates?') && r.url().includes('status=filed')), pickOption(page, '已填报')]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('filed');
    await expect.poll(async () => (await page.getByTestId('annual-update-status').allTextContents()).every((s) => s === '已填报')).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-updates-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(await download.failure()).toBeNull();
    expect(readFileSync(await download.path()).subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId('nav-cancellation-proposals').click();
    await page.getByTestId('proposals-table').waitFor();
    await signOut(page);
  });
});
