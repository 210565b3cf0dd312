import { chromium } from 'playwright-core';
const base = 'http://localhost:18081';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
async function as(user, lang, shots) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.waitForTimeout(800);
  if (user === 'login') { await page.screenshot({ path: `/tmp/shots/login-${lang}.png` }); await ctx.close(); return; }
  await page.fill('#username, input[name=username], [id$=username]', user);
  await page.fill('input[type=password]', 'demo-pass-2024');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  for (const [name, path] of shots) {
    await page.goto(base + path);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots/${user}-${name}-${lang}.png` });
  }
  await ctx.close();
}
await as('login', 'zh-CN');
await as('city', 'zh-CN', [['list', '/enterprises'], ['detail', '/enterprises/5'], ['edit', '/enterprises/5/edit'], ['new', '/enterprises/new'], ['audit', '/audit'], ['regs', '/registrations']]);
await as('admin', 'en-US', [['users', '/users'], ['list', '/enterprises']]);
await as('enterprise', 'zh-CN', [['home', '/'], ['edit', '/enterprises/1/edit']]);
await as('leader', 'zh-CN', [['home', '/']]);
await browser.close();
