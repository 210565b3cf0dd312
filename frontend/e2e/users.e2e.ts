import { describe, expect, it } from 'vitest';
import { pickOption, signIn, signOut, useBrowser } from './support';

describe('user administration', () => {
  const b = useBrowser('users');
  const username = `county_${Date.now().toString(36).slice(-5)}`;

  it('creates a county officer bound to a region, who can then sign in', async () => {
    const page = b.page();
    await signIn(page, 'admin');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('new-user').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input#username').fill(username);
    await dialog.locator('input#password').fill('e2e-pass-2024');
    await dialog.locator('input#display_name').fill('揭西县工信局 测试员');
    await dialog.getByTestId('user-role').click();
    await pickOption(page, '县区工作人员');
    await dialog.locator('input#region_code').click();
    await pickOption(page, '揭西县');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('[data-testid="users-table"] tr', { hasText: username }).waitFor();
    await signOut(page);
    await signIn(page, username, 'e2e-pass-2024');
    expect(await page.getByTestId('current-user-role').textContent()).toBe('县区工作人员');
    await page.getByTestId('enterprises-table').waitFor();
    await signOut(page);
  });
});
