import { describe, expect, it } from 'vitest';
import { apiAs, creditCode, pickCascader, pickOption, signIn, signOut, useBrowser, wrongCheckCharacter } from './support';

describe('create-enterprise form', () => {
  const b = useBrowser('enterprise-form');

  it("shows the server's check-character error under the credit code", async () => {
    const page = b.page();
    const wrong = wrongCheckCharacter(creditCode());

    // What the server says about this code, in the same language, straight from the API.
    const api = await apiAs('city');
    const direct = await api.post('/api/v1/enterprises', {
      data: { name: 'E2E 校验位测试有限公司', credit_code: wrong, region_code: '445202', industry_code: 'C34' },
    });
    expect(direct.status()).toBe(422);
    const body = (await direct.json()) as { error: { fields?: { field: string; message: string }[] } };
    const expected = body.error.fields?.find((f) => f.field === 'credit_code')?.message;
    expect(expected).toBeTruthy();
    await api.dispose();

    await signIn(page, 'city');
    await page.getByTestId('new-enterprise').click();
    await page.getByTestId('enterprise-form').waitFor();
    await page.locator('input#name').fill('E2E 校验位测试有限公司');
    await page.getByTestId('credit-code-input').fill(wrong);
    await page.getByTestId('region-select').click();
    await pickOption(page, '榕城区');
    await page.getByTestId('industry-cascader').click();
    await pickCascader(page, 'C 制造业', 'C34');
    await page.getByTestId('enterprise-submit').click();

    const creditCodeItem = page.locator('.ant-form-item', { has: page.getByTestId('credit-code-input') });
    const error = creditCodeItem.locator('.ant-form-item-explain-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(expected);
    // Still on the form, nothing created.
    expect(new URL(page.url()).pathname).toBe('/enterprises/new');
  });

  it('creates an enterprise with a right code and shows it', async () => {
    const page = b.page();
    const code = creditCode();
    await page.goto('/enterprises/new');
    await page.getByTestId('enterprise-form').waitFor();
    await page.locator('input#name').fill(`E2E 新增企业 ${code.slice(-6)}`);
    await page.getByTestId('credit-code-input').fill(code);
    await page.getByTestId('region-select').click();
    await pickOption(page, '揭东区');
    await page.getByTestId('industry-cascader').click();
    await pickCascader(page, 'C 制造业', 'C34');
    await page.getByTestId('enterprise-submit').click();
    await page.getByTestId('enterprise-details').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/enterprises\/\d+$/);
    expect(await page.getByTestId('enterprise-credit-code').textContent()).toBe(code);
  });

  it("lets an enterprise user edit its own profile, with the bureau's fields read-only", async () => {
    const page = b.page();
    await signOut(page);
    await signIn(page, 'enterprise');
    await page.getByTestId('edit-enterprise').click();
    await page.getByTestId('enterprise-form').waitFor();
    expect(await page.getByTestId('credit-code-input').isDisabled()).toBe(true);
    expect(await page.locator('input#name').isDisabled()).toBe(true);
    expect(await page.getByTestId('credit-code-override').count()).toBe(0);
    const phone = `0663-${String(Date.now()).slice(-7)}`;
    await page.locator('input#contact_phone').fill(phone);
    await page.getByTestId('enterprise-submit').click();
    await page.getByTestId('enterprise-details').waitFor();
    await page.getByText(phone).waitFor();
  });
});
