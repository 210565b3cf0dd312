import { describe, expect, it } from 'vitest';
import { signIn, signOut, useBrowser } from './support';

const ROLES = [
  {
    username: 'admin',
    role: '系统管理员',
    menu: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'users', 'regions', 'audit', 'dashboard'],
    landing: /\/enterprises$/,
  },
  {
    username: 'city',
    role: '市局工作人员',
    menu: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'audit', 'dashboard'],
    landing: /\/enterprises$/,
  },
  {
    username: 'county',
    role: '县区工作人员',
    menu: ['enterprises', 'review', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation', 'imports', 'registrations', 'dashboard'],
    landing: /\/enterprises$/,
  },
  { username: 'leader', role: '领导', menu: ['dashboard', 'enterprises', 'applications', 'batches', 'qualifications', 'annual-updates', 'cancellation-proposals', 'cultivation'], landing: /\/dashboard$/ },
  { username: 'enterprise', role: '企业用户', menu: ['my-enterprise', 'my-applications', 'my-qualifications'], landing: /\/enterprises\/\d+$/ },
  { username: 'enterprise2', role: '企业用户', menu: ['my-enterprise', 'my-applications', 'my-qualifications'], landing: /\/enterprises\/\d+$/ },
];

describe('each demo role sees its own menu', () => {
  const b = useBrowser('menus');

  it.each(ROLES)('$username', async ({ username, role, menu, landing }) => {
    const page = b.page();
    await signIn(page, username);
    expect(page.url()).toMatch(landing);
    const items = await page.getByTestId('side-menu').locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(items).toEqual(menu.map((m) => `nav-${m}`));
    await expect.poll(() => page.getByTestId('current-user-role').textContent()).toBe(role);

    if (username.startsWith('enterprise')) {
      // The landing page is the enterprise's own record.
      await page.getByTestId('enterprise-details').waitFor();
      expect(await page.getByTestId('edit-enterprise').count()).toBe(1);
    } else {
      if (username === 'leader') {
        // A leader lands on the dashboard, and reads the registry from the menu.
        await page.getByTestId('dashboard-cards').waitFor();
        await page.getByTestId('nav-enterprises').click();
      }
      await page.getByTestId('enterprises-table').waitFor();
      // Only officers and the admin may add an enterprise.
      expect(await page.getByTestId('new-enterprise').count()).toBe(username === 'leader' ? 0 : 1);
    }
    await signOut(page);
  });

  it('sends a signed-out visitor to sign-in and back to the page asked for', async () => {
    const page = b.page();
    await page.goto('/registrations?status=rejected');
    await page.getByTestId('login-form').waitFor();
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/registrations?status=rejected');
    await page.locator('input#username').fill('city');
    await page.locator('input#password').fill('demo-pass-2024');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('registrations-table').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/registrations?status=rejected');
    await signOut(page);
  });

  it('shows the 403 page to a role that may not open a page', async () => {
    const page = b.page();
    await signIn(page, 'leader');
    await page.goto('/users');
    await page.getByTestId('page-403').waitFor();
    await signOut(page);
  });
});
