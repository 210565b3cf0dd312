import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, pickOption, signIn, signOut, useBrowser } from './support';
import { workbook } from './xlsx';

type Batch = { id: number; name: string; tier: string; kind: string; status: string };
type Application = { id: number; state: string; version: number; qualification_id: number | null };
type Qualification = { id: number; enterprise_id: number; tier: string; application_id: number | null; granted_on: string; valid_until: string; status: string };
type Enterprise = { id: number; name: string; credit_code: string };

/** A one-page PDF, as small as a PDF gets; the server checks the type from the content. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The bureau's calendar day (Asia/Shanghai) `days` from today, as YYYY-MM-DD. */
function bureauDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** plusYears is the same calendar day `n` years on (29 February falls back to the 28th). */
function plusYears(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + n;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** transitioned resolves with the status of the next transition of the application. */
function transitioned(page: Page, id: number) {
  return page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/v1/applications/${id}/transitions`);
}

async function expectState(page: Page, state: string) {
  await expect.poll(() => page.getByTestId('application-title-state').getAttribute('data-state')).toBe(state);
}

/** confirm clicks the OK button of the open pop-confirm. */
async function confirm(page: Page) {
  await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
}

describe('the application journey across the four roles', () => {
  const b = useBrowser('workflow');

  it('enterprise applies → county returns, enterprise resubmits → county passes → city recommends → city records the approval → a valid qualification for 3 years → the city revokes it', async () => {
    const page = b.page();

    // What the server holds: the demo enterprise, an open recognition batch of the bottom tier
    // (no prerequisite tier needed) and the latest year of its figures.
    const entApi = await apiAs('enterprise');
    const me = (await (await entApi.get('/api/v1/auth/me')).json()) as { enterprise_id: number };
    const enterpriseId = me.enterprise_id;
    const batches = (await (await entApi.get('/api/v1/batches?status=open&tier=innovative_sme&page_size=200')).json()) as { items: Batch[] };
    const batch = batches.items.find((x) => x.kind === 'recognition');
    expect(batch, 'an open recognition batch of the innovative SME').toBeTruthy();
    const reports = (await (await entApi.get(`/api/v1/enterprises/${enterpriseId}/annual-reports`)).json()) as { items: { year: number }[] };
    const reportYear = Math.max(...reports.items.map((r) => r.year));
    const before = (await (await entApi.get(`/api/v1/applications?batch=${batch!.id}`)).json()) as { total: number };
    expect(before.total, 'no application of the enterprise in the batch yet').toBe(0);

    // 1. The enterprise user opens 我的申报 and applies in the open batch, on its latest figures.
    await signIn(page, 'enterprise');
    await page.getByTestId('nav-my-applications').click();
    await page.getByTestId('applications-table').waitFor();
    await page.getByTestId('new-application').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('new-application-form').waitFor();
    await dialog.getByTestId('new-application-batch').click();
    await pickOption(page, batch!.name);
    await expect.poll(() => dialog.getByTestId('new-application-year').innerText()).toBe(`${reportYear}年`);
    const created = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/v1/applications');
    await page.getByTestId('new-application-submit').click();
    expect((await created).status()).toBe(201);
    // The draft opens on its own page.
    await page.waitForURL(/\/applications\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await expectState(page, 'draft');
    expect(await page.getByTestId('application-title').innerText()).toBe(batch!.name);
    expect(await page.getByTestId('application-report-year').innerText()).toBe(`${reportYear}年`);
    expect(await page.getByTestId('application-waiting-on').innerText()).toBe('待企业处理');

    // It attaches a PDF.
    const uploaded = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/v1/applications/${id}/attachments`);
    await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: PDF });
    expect((await uploaded).status()).toBe(201);
    await expect.poll(() => page.getByTestId('attachment-download').allInnerTexts()).toEqual(['营业执照.pdf']);

    // It submits: the self-check is frozen and the application waits on its county.
    await page.getByTestId('action-submit').click();
    let moved = transitioned(page, id);
    await confirm(page);
    expect((await moved).status()).toBe(200);
    await expectState(page, 'county_review');
    await expect.poll(() => page.getByTestId('application-waiting-on').innerText()).toBe('待榕城区初审');
    await page.getByTestId('frozen-self-check').getByTestId('tier-card-innovative_sme').waitFor();
    // Waiting on the county, the enterprise may still withdraw, but not submit again.
    expect(await page.getByTestId('action-withdraw').count()).toBe(1);
    expect(await page.getByTestId('action-submit').count()).toBe(0);
    await signOut(page);

    // 2. The county officer of 榕城区 finds it in its queue and returns it with a comment.
    await signIn(page, 'county');
    await page.getByTestId('nav-review').click();
    const queueRow = page.getByTestId('review-table').getByTestId(`application-row-${id}`);
    await queueRow.waitFor();
    expect(await queueRow.getByTestId('application-waiting-on').innerText()).toBe('待榕城区初审');
    await page.getByTestId(`open-application-${id}`).click();
    await expectState(page, 'county_review');
    await page.getByTestId('action-return').click();
    // A return needs a comment: without one, nothing is sent.
    await page.getByTestId('transition-submit').click();
    await page.getByText('退回或驳回须填写意见').waitFor();
    await page.getByTestId('transition-comment').fill('请补充上传近三年研发费用专项审计报告');
    moved = transitioned(page, id);
    await page.getByTestId('transition-submit').click();
    expect((await moved).status()).toBe(200);
    await expectState(page, 'returned');
    await signOut(page);

    // 3. The enterprise is told (the bell), reads the comment, and resubmits.
    await signIn(page, 'enterprise');
    await expect.poll(() => page.getByTestId('notification-bell').getAttribute('data-unread-count')).not.toBe('0');
    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notifications').locator('[data-unread=true]').filter({ hasText: '已被退回修改' }).first();
    expect(await notice.innerText()).toContain(batch!.name);
    await notice.click();
    await page.waitForURL(new RegExp(`/applications/${id}$`));
    await expectState(page, 'returned');
    expect(await page.getByTestId('decision-notice').innerText()).toContain('请补充上传近三年研发费用专项审计报告');
    expect(await page.getByTestId('history').innerText()).toContain('请补充上传近三年研发费用专项审计报告');
    await page.getByTestId('action-submit').click();
    expect(await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').innerText()).toBe('重新提交');
    moved = transitioned(page, id);
    await confirm(page);
    expect((await moved).status()).toBe(200);
    await expectState(page, 'county_review');
    await signOut(page);

    // 4. The county passes it from its queue (a bulk pass of the one chosen).
    await signIn(page, 'county');
    await page.getByTestId('nav-review').click();
    await queueRow.waitFor();
    await page.getByTestId(`select-${id}`).check();
    await page.getByTestId('bulk-pass').click();
    const bulk = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/v1/applications/bulk-transitions');
    await page.getByTestId('bulk-submit').click();
    expect((await bulk).status()).toBe(200);
    await expect.poll(() => page.getByTestId('bulk-summary').innerText()).toBe('成功 1 项，失败 0 项');
    expect(await page.getByTestId(`bulk-ok-${id}`).innerText()).toContain('市级复审');
    await page.getByTestId('bulk-close').click();
    await expect.poll(() => queueRow.count()).toBe(0);
    await signOut(page);

    // 5. The city finds it in its review and recommends it.
    await signIn(page, 'city');
    await page.getByTestId('nav-review').click();
    const cityRow = page.getByTestId('review-table').getByTestId(`application-row-${id}`);
    await cityRow.waitFor();
    expect(await cityRow.getByTestId('application-waiting-on').innerText()).toBe('待市局处理');
    await page.getByTestId(`open-application-${id}`).click();
    await expectState(page, 'city_review');
    expect(await page.getByTestId('attachment-download').allInnerTexts()).toEqual(['营业执照.pdf']);
    await page.getByTestId('action-pass').click();
    await page.getByTestId('transition-comment').fill('同意推荐');
    moved = transitioned(page, id);
    await page.getByTestId('transition-submit').click();
    expect((await moved).status()).toBe(200);
    await expectState(page, 'recommended');

    // 6. The province publishes its list: the city records the approval with the announcement and the day granted.
    const grantedOn = bureauDay(-1);
    const validUntil = plusYears(grantedOn, 3);
    await page.getByTestId('action-record_result').click();
    await page.getByTestId('transition-announcement').fill('粤工信融资函〔E2E〕1号');
    await page.locator('input#granted_on').click();
    await page.locator('input#granted_on').fill(grantedOn);
    await page.locator('input#granted_on').press('Enter');
    // The dialog says how long the qualification will last.
    const [y, m, d] = validUntil.split('-').map(Number);
    await page.getByText(`有效期至 ${y}年${m}月${d}日`).waitFor();
    moved = transitioned(page, id);
    await page.getByTestId('transition-submit').click();
    expect((await moved).status()).toBe(200);
    await expectState(page, 'approved');
    expect(await page.getByTestId('application-result').innerText()).toBe('通过');
    expect(await page.getByTestId('application-waiting-on').innerText()).toBe('已办结');
    expect(await page.getByTestId('history').getByTestId('history-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
      'submit',
      'return',
      'submit',
      'pass',
      'pass',
      'record_result',
    ]);
    await signOut(page);

    // What the server now holds: one qualification from this application, valid until granted + 3 years.
    const application = (await (await entApi.get(`/api/v1/applications/${id}`)).json()) as Application;
    expect(application).toMatchObject({ state: 'approved' });
    const quals = (await (await entApi.get(`/api/v1/enterprises/${enterpriseId}/qualifications`)).json()) as { items: Qualification[] };
    const granted = quals.items.filter((q) => q.application_id === id);
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ id: application.qualification_id, tier: 'innovative_sme', granted_on: grantedOn, valid_until: validUntil, status: 'valid' });

    // 7. The enterprise sees it in 我的资质: valid, until granted + 3 years; the bell tells of the decision.
    await signIn(page, 'enterprise');
    await page.getByTestId('nav-my-qualifications').click();
    const row = page.getByTestId(`qualification-row-${granted[0]!.id}`);
    await row.waitFor();
    expect(await row.getByTestId('qualification-tier').innerText()).toBe('创新型中小企业');
    expect(await row.getByTestId('qualification-status').getAttribute('data-status')).toBe('valid');
    expect(await row.getByTestId('qualification-status').innerText()).toBe('有效');
    expect(await row.getByTestId('qualification-valid-until').getAttribute('data-date')).toBe(validUntil);
    expect(await row.getByTestId('qualification-valid-until').innerText()).toBe(`${y}年${m}月${d}日`);
    expect(await row.getByTestId('qualification-announcement').innerText()).toBe('粤工信融资函〔E2E〕1号');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notifications').locator('[data-unread=true]').filter({ hasText: `您在“${batch!.name}”的申报已获认定` }).first().waitFor();
    await page.keyboard.press('Escape');
    await signOut(page);

    // 8. The city revokes it from the application's page, on a ground with a reason: it is no longer in
    // force. (So the demo enterprise ends without the tier, as the other browser tests find it.)
    await signIn(page, 'city');
    await page.getByTestId('nav-batches').click();
    await page.getByTestId(`batch-row-${batch!.id}`).getByTestId('batch-link').click();
    const approvedRow = page.getByTestId('applications-table').getByTestId(`application-row-${id}`);
    expect(await approvedRow.getAttribute('data-state')).toBe('approved');
    expect(await approvedRow.getByTestId('application-waiting-on').innerText()).toBe('已办结');
    await page.getByTestId(`open-application-${id}`).click();
    await page.getByTestId('qualification-link').click();
    const drawer = page.getByTestId('qualification-drawer');
    await expect.poll(() => drawer.getByTestId('qualification-detail-valid-until').innerText()).toBe(`${y}年${m}月${d}日`);
    expect(await drawer.getByTestId('qualification-events').innerText()).toContain('粤工信融资函〔E2E〕1号');
    await drawer.getByTestId('revoke-qualification').click();
    await page.getByTestId('revoke-reason-code').click();
    await pickOption(page, '申报材料弄虚作假');
    await page.getByTestId('revoke-reason').fill('E2E：核查发现研发费用数据不实');
    const revoked = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/v1/qualifications/${granted[0]!.id}/revoke`);
    await page.getByTestId('revoke-submit').click();
    expect((await revoked).status()).toBe(200);
    await expect.poll(() => drawer.getByTestId('qualification-revoked').innerText()).toContain('申报材料弄虚作假：E2E：核查发现研发费用数据不实');
    expect(await drawer.getByTestId('qualification-status').getAttribute('data-status')).toBe('revoked');
    expect(await drawer.getByTestId('revoke-qualification').count()).toBe(0);
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('open')).toBeNull();
    await signOut(page);
    const after = (await (await entApi.get(`/api/v1/enterprises/${enterpriseId}/qualifications`)).json()) as { items: Qualification[] };
    expect(after.items.find((q) => q.id === granted[0]!.id)).toMatchObject({ status: 'revoked' });
    await entApi.dispose();
  });

  it('city records a batch\'s published list from an .xlsx: a list with a stray line records nothing, the corrected one records every line', async () => {
    const page = b.page();
    const city = await apiAs('city');
    const county = await apiAs('county');
    const batches = (await (await city.get('/api/v1/batches?status=open&tier=innovative_sme&page_size=200')).json()) as { items: Batch[] };
    const batch = batches.items.find((x) => x.kind === 'recognition')!;
    // Two enterprises of 榕城区 that hold no qualification at all and have filed figures (other
    // browser tests add enterprises without any), applied for by the city on their behalf; and a
    // third that is in no list of this batch.
    const held = (await (await city.get('/api/v1/qualifications?region=445202&page_size=200')).json()) as { items: Qualification[] };
    const holders = new Set(held.items.map((q) => q.enterprise_id));
    const registry = (await (await city.get('/api/v1/enterprises?region=445202&page_size=200')).json()) as { items: Enterprise[] };
    const candidates: { e: Enterprise; year: number }[] = [];
    let stranger: Enterprise | undefined;
    for (const e of registry.items.filter((x) => !holders.has(x.id))) {
      const reports = (await (await city.get(`/api/v1/enterprises/${e.id}/annual-reports`)).json()) as { items: { year: number }[] };
      if (candidates.length < 2 && reports.items.length > 0) candidates.push({ e, year: Math.max(...reports.items.map((r) => r.year)) });
      else if (!stranger) stranger = e;
      if (candidates.length === 2 && stranger) break;
    }
    expect(candidates.length === 2 && stranger, 'three enterprises of 榕城区 without a qualification, two with figures').toBeTruthy();
    const [first, second] = candidates.map((c) => c.e);
    const ids: number[] = [];
    for (const { e, year } of candidates) {
      const created = await city.post('/api/v1/applications', { data: { batch_id: batch.id, enterprise_id: e.id, report_year: year } });
      expect(created.status(), `apply for ${e.name}`).toBe(201);
      let a = (await created.json()) as Application;
      for (const [who, action] of [[city, 'submit'], [county, 'pass'], [city, 'pass']] as const) {
        const res = await who.post(`/api/v1/applications/${a.id}/transitions`, { data: { action, version: a.version } });
        expect(res.status(), `${action} ${e.name}`).toBe(200);
        a = (await res.json()) as Application;
      }
      expect(a.state).toBe('recommended');
      ids.push(a.id);
    }
    await county.dispose();

    await signIn(page, 'city');
    await page.getByTestId('nav-batches').click();
    await page.getByTestId(`batch-row-${batch.id}`).getByTestId('batch-link').click();
    await page.getByTestId('batch-info').waitFor();
    await expect.poll(() => page.getByTestId('batch-info').getByTestId('count-recommended').innerText()).toMatch(/^已推荐 \d+$/);
    const upload = page.getByTestId('batch-results').locator('input[type=file]');
    const grantedOn = bureauDay(-2);
    const header = ['统一社会信用代码', '结果', '公告文号', '认定日期'];

    // A list with a line that matches no recommended application of the batch is refused whole.
    let answered = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/v1/batches/${batch.id}/results`);
    await upload.setInputFiles({
      name: '公布名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook([header, [first!.credit_code, '通过', '粤工信融资函〔E2E〕2号', grantedOn], [stranger!.credit_code, '通过', '粤工信融资函〔E2E〕2号', grantedOn]]),
    });
    expect((await answered).status()).toBe(422);
    const refused = page.getByTestId('batch-results-refused');
    await refused.waitFor();
    expect(await refused.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^第 2 条\s+统一社会信用代码：/)]);
    for (const id of ids) expect(((await (await city.get(`/api/v1/applications/${id}`)).json()) as Application).state, 'nothing recorded').toBe('recommended');

    // The corrected list: one approved, one not.
    answered = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/v1/batches/${batch.id}/results`);
    await upload.setInputFiles({
      name: '公布名单（更正）.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook([header, [first!.credit_code, '通过', '粤工信融资函〔E2E〕2号', grantedOn], [second!.credit_code, '不通过', '', '']]),
    });
    expect((await answered).status()).toBe(200);
    const recorded = page.getByTestId('batch-results-recorded');
    await recorded.waitFor();
    expect(await recorded.innerText()).toContain('已录入 2 条结果');
    expect(await recorded.locator('tbody a').allInnerTexts()).toEqual(ids.map((id) => `#${id}`));
    await expect.poll(() => page.getByTestId('batch-info').getByTestId('count-not_approved').innerText()).toMatch(/^未获认定 \d+$/);

    const [approved, notApproved] = (await Promise.all(ids.map(async (id) => (await city.get(`/api/v1/applications/${id}`)).json()))) as Application[];
    expect(approved).toMatchObject({ state: 'approved' });
    expect(notApproved).toMatchObject({ state: 'not_approved', qualification_id: null });
    const quals = (await (await city.get(`/api/v1/enterprises/${first!.id}/qualifications`)).json()) as { items: Qualification[] };
    expect(quals.items).toEqual([expect.objectContaining({ id: approved!.qualification_id, tier: 'innovative_sme', granted_on: grantedOn, valid_until: plusYears(grantedOn, 3), status: 'valid' })]);
    await city.dispose();
    await signOut(page);
  });
});
