import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';

export const PASSWORD = 'demo-pass-2024';
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e-artifacts');

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * useBrowser gives a test file its own browser context and page (locale zh-CN unless told),
 * and saves a screenshot into e2e-artifacts/ for every failing test.
 */
export function useBrowser(file: string, opts: { locale?: string } = {}) {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: baseUrl(), locale: opts.locale ?? 'zh-CN', viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      mkdirSync(artifacts, { recursive: true });
      const name = `${file}-${task.name}`.replace(/[^\w.-]+/g, '_').slice(0, 150);
      await page?.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true }).catch(() => {});
    });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  return {
    page: () => page,
    context: () => context,
    browser: () => browser,
  };
}

/** signIn signs in through the form and waits for the signed-in shell. */
export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.locator('input#username').fill(username);
  await page.locator('input#password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-form').waitFor();
}

/** apiAs is a request context signed in through the API, as a script would be. */
export async function apiAs(username: string, password = PASSWORD): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), `sign in as ${username}`).toBe(200);
  return ctx;
}

/** pickOption chooses an option of the open antd Select or Cascader dropdown by its text. */
export async function pickOption(page: Page, text: string) {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

export async function pickCascader(page: Page, ...labels: string[]) {
  for (const label of labels) {
    await page
      .locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item', { hasText: label })
      .first()
      .click();
  }
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** creditCode makes a unified social credit code (GB 32100-2015) with a right check character. */
export function creditCode(): string {
  let body = '91445200';
  while (body.length < 17) body += CODE_CHARS[Math.floor(Math.random() * CODE_CHARS.length)];
  const sum = [...body].reduce((acc, ch, i) => acc + CODE_CHARS.indexOf(ch) * (CODE_WEIGHTS[i] ?? 0), 0);
  return body + CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** wrongCheckCharacter changes only the last character of a code, so that the check fails. */
export function wrongCheckCharacter(code: string): string {
  const last = code.at(-1) ?? '0';
  const other = CODE_CHARS[(CODE_CHARS.indexOf(last) + 1) % CODE_CHARS.length];
  return code.slice(0, -1) + other;
}
