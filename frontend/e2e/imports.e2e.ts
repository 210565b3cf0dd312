import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, creditCode, signIn, signOut, useBrowser, wrongCheckCharacter } from './support';

type Enterprises = { items: { name: string; credit_code: string; region_code: string; industry_code: string }[]; total: number };

const HEADER = ['企业名称', '统一社会信用代码', '所属区域', '所属行业', '成立日期', '主导产品'];

/** csvOf writes rows under the template's Chinese headers, as an officer's spreadsheet saved as CSV would be. */
function csvOf(rows: string[][]): Buffer {
  return Buffer.from([HEADER, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** panelShows waits until the open import's panel is in a view (its job followed by polling). */
async function panelShows(page: Page, view: string, timeout = 30_000) {
  await page.locator(`[data-testid="import-panel"][data-view="${view}"]`).waitFor({ timeout });
}

describe('an officer imports enterprises from a spreadsheet', () => {
  const b = useBrowser('imports');

  it('downloads the template, sees the bad row of a file, uploads it fixed, confirms, and finds the enterprises in the registry', async () => {
    const page = b.page();
    const stamp = Date.now().toString(36).toUpperCase();
    const names = [`E2E导入甲${stamp}有限公司`, `E2E导入乙${stamp}有限公司`, `E2E导入丙${stamp}有限公司`];
    const codes = [creditCode(), creditCode(), creditCode()];
    expect(new Set(codes).size).toBe(3);
    const rows = [
      [names[0]!, codes[0]!, '榕城区', 'C34', '2015-03-18', '阀门'],
      [names[1]!, codes[1]!, '普宁市', 'C34 通用设备制造业', '2018-06-01', '纺织机械'],
      [names[2]!, codes[2]!, '揭阳高新区', 'C39', '2020-01-10', '传感器'],
    ];
    // The second data row (row 3 of the sheet) carries a credit code whose check character is wrong.
    const bad = rows.map((r, i) => (i === 1 ? [r[0]!, wrongCheckCharacter(r[1]!), ...r.slice(2)] : r));

    await signIn(page, 'city');
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-start').waitFor();
    expect(new URL(page.url()).pathname).toBe('/imports');

    // A city officer may import all three kinds; the registry is the first.
    const kinds = await page.getByTestId('import-kind').locator('input[type="radio"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(kinds).toEqual(['enterprises', 'annual_reports', 'qualifications']);

    // The template is an .xlsx workbook, its headers in the UI language.
    const href = await page.getByTestId('import-template').getAttribute('href');
    expect(href).toBe('/api/v1/imports/templates/enterprises?lang=zh-CN');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('import-enterprises.xlsx');
    const template = readFileSync(await download.path());
    // An .xlsx is a zip.
    expect(template.subarray(0, 2).toString('latin1')).toBe('PK');
    const direct = await page.request.get(href!);
    expect(direct.status()).toBe(200);
    expect((await direct.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    // The file with the bad row: the page follows its check and lists the row, the column, the cell and why.
    const firstUpload = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/v1/imports');
    await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles({ name: '企业名录.csv', mimeType: 'text/csv', buffer: csvOf(bad) });
    const first = (await (await firstUpload).json()) as { id: number; status: string };
    expect(first.status).toBe('validating');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/imports/${first.id}`);
    await panelShows(page, 'invalid');
    expect(await page.getByTestId('import-panel').getByTestId('import-status').innerText()).toBe('有错误');
    expect(await page.getByTestId('import-invalid-title').innerText()).toContain('发现 1 处错误，未写入任何数据');
    const problems = page.getByTestId('import-error');
    expect(await problems.count()).toBe(1);
    const problem = problems.first();
    expect(await problem.getAttribute('data-row')).toBe('3');
    expect(await problem.getAttribute('data-column')).toBe('credit_code');
    expect(await problem.getByTestId('import-error-row').innerText()).toBe('3');
    expect(await problem.getByTestId('import-error-column').innerText()).toBe('统一社会信用代码');
    expect(await problem.getByTestId('import-error-cell').innerText()).toBe('B3');
    expect(await problem.getByTestId('import-error-message').innerText()).toContain('校验位');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);

    // Nothing of the file was written, not even its good rows.
    const api = await apiAs('city');
    for (const name of names) {
      const found = (await (await api.get(`/api/v1/enterprises?q=${encodeURIComponent(name)}`)).json()) as Enterprises;
      expect(found.total, name).toBe(0);
    }

    // The same id survives a reload, and the page still shows the problems.
    await page.reload();
    await panelShows(page, 'invalid');

    // The fixed file, uploaded from beside the problems: every row good, and what it would write.
    const secondUpload = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/v1/imports');
    await page.getByTestId('import-upload-again').locator('input[type="file"]').setInputFiles({ name: '企业名录-修正.csv', mimeType: 'text/csv', buffer: csvOf(rows) });
    const second = (await (await secondUpload).json()) as { id: number; kind: string };
    expect(second.kind).toBe('enterprises');
    expect(second.id).not.toBe(first.id);
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/imports/${second.id}`);
    await panelShows(page, 'ready');
    expect(await page.getByTestId('import-filename').innerText()).toBe('企业名录-修正.csv');
    expect(await page.getByTestId('import-count-rows').locator('.ant-statistic-content').innerText()).toBe('3');
    expect(await page.getByTestId('import-count-created').locator('.ant-statistic-content').innerText()).toBe('3');
    expect(await page.getByTestId('import-count-updated').locator('.ant-statistic-content').innerText()).toBe('0');

    // Confirmed in the dialog, written, done.
    await page.getByTestId('import-confirm').click();
    const dialog = page.locator('.ant-modal-confirm');
    await dialog.waitFor();
    // Clicked only once it has finished zooming in (on a busy machine the animation takes a while).
    await expect.poll(() => dialog.getAttribute('class'), { timeout: 15_000 }).not.toMatch(/zoom-(appear|enter)/);
    expect(await dialog.innerText()).toContain('确认导入“企业名录-修正.csv”？');
    const confirmed = page.waitForResponse((res) => res.request().method() === 'POST' && res.url().endsWith(`/api/v1/imports/${second.id}/confirm`));
    await page.getByTestId('import-confirm-ok').click();
    expect((await confirmed).status()).toBe(202);
    await panelShows(page, 'done');
    expect(await page.getByTestId('import-panel').getByTestId('import-status').innerText()).toBe('已完成');
    expect(await page.getByTestId('import-count-created').locator('.ant-statistic-content').innerText()).toBe('3');

    // The recent imports list both, each with its status; the bad one reopens with its problems.
    await expect.poll(() => page.getByTestId(`import-row-${second.id}`).getByTestId('import-status').innerText()).toBe('已完成');
    expect(await page.getByTestId(`import-row-${first.id}`).getByTestId('import-status').innerText()).toBe('有错误');
    await page.getByTestId(`import-row-${first.id}`).getByTestId('import-link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/imports/${first.id}`);
    await panelShows(page, 'invalid');
    expect(await page.getByTestId('import-error').first().getAttribute('data-row')).toBe('3');
    await page.getByTestId(`import-row-${second.id}`).getByTestId('import-link').click();
    await panelShows(page, 'done');

    // The registry has them, as the file said.
    for (const [i, name] of names.entries()) {
      const found = (await (await api.get(`/api/v1/enterprises?q=${encodeURIComponent(name)}`)).json()) as Enterprises;
      expect(found.total, name).toBe(1);
      expect(found.items[0]).toMatchObject({ name, credit_code: codes[i], industry_code: i === 2 ? 'C39' : 'C34' });
    }
    await api.dispose();

    // And the officer finds them from the result, in the registry's list.
    await page.getByTestId('import-open-list').click();
    await page.getByTestId('enterprises-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/enterprises');
    await page.goto(`/enterprises?q=${encodeURIComponent(names[1]!)}`);
    await page.getByTestId('enterprises-table').waitFor();
    await expect.poll(() => page.getByTestId('enterprise-link').allInnerTexts()).toEqual([names[1]]);
    const row = page.locator('[data-testid="enterprises-table"] tbody tr.ant-table-row').first();
    expect(await row.innerText()).toContain('普宁市');
    await signOut(page);
  });

  it('does not offer a county officer historic qualifications, and the server refuses them', async () => {
    const page = b.page();
    await signIn(page, 'county');
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-start').waitFor();
    const kinds = await page.getByTestId('import-kind').locator('input[type="radio"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(kinds).toEqual(['enterprises', 'annual_reports']);
    const api = await apiAs('county');
    const refused = await api.post('/api/v1/imports', {
      multipart: { kind: 'qualifications', file: { name: 'q.csv', mimeType: 'text/csv', buffer: Buffer.from('统一社会信用代码\n', 'utf8') } },
    });
    expect(refused.status()).toBe(403);
    await api.dispose();
    await signOut(page);
  });
});
