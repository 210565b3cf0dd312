import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './support';

describe('language switch', () => {
  const b = useBrowser('language');

  it('switches zh-CN ↔ en-US and remembers the choice after a reload', async () => {
    const page = b.page();
    await signIn(page, 'admin');
    const nav = page.getByTestId('nav-enterprises');
    expect(await nav.textContent()).toBe('企业库');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-en-US').click();
    await expect.poll(() => nav.textContent()).toBe('Enterprises');
    expect(await page.getByTestId('nav-audit').textContent()).toBe('Audit log');
    expect(await page.getByTestId('current-user-role').textContent()).toBe('Administrator');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');

    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('nav-enterprises').textContent()).toBe('Enterprises');
    expect(await page.evaluate(() => localStorage.getItem('tt.language'))).toBe('en-US');
    // antd's own texts follow (the pagination's page-size changer).
    await page.getByTestId('enterprises-table').waitFor();
    await expect.poll(() => page.locator('.ant-pagination-options').textContent()).toContain('page');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-enterprises').textContent()).toBe('企业库');
    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('nav-enterprises').textContent()).toBe('企业库');
  });

  it("sends the chosen language to the server, whose messages follow it", async () => {
    const page = b.page();
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-en-US').click();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('login-submit').textContent()).toBe('Sign in');
    await page.locator('input#username').fill('admin');
    await page.locator('input#password').fill('not-the-password-1');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    // An English message from the server (no CJK characters).
    expect(await error.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-option-zh-CN').click();
  });
});

describe('first visit', () => {
  const b = useBrowser('language-first-visit', { locale: 'en-US' });

  it("speaks the browser's language when nothing is remembered, from the first paint on", async () => {
    const page = b.page();
    // The English texts are a chunk of their own, fetched after the app's script: hold it back a
    // while and note any Chinese (zh-CN is the fallback) the page shows before it arrives.
    const englishTexts = '**/assets/translation.en-US-*.js';
    await page.route(englishTexts, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { chineseSeen: boolean };
      w.chineseSeen = false;
      new MutationObserver(() => {
        if (/[\u4e00-\u9fff]/.test(document.getElementById('root')?.textContent ?? '')) w.chineseSeen = true;
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('login-submit').textContent()).toBe('Sign in');
    expect(await page.evaluate(() => (window as unknown as { chineseSeen: boolean }).chineseSeen)).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('tt.language'))).toBeNull();
    await page.unroute(englishTexts);
  });
});
