// Sums the JavaScript a browser loads before the sign-in page shows, each file gzipped at level 9:
// the entry, its preloads and the sign-in route's own chunks (docs/BENCHMARKS.md, the SPA).
// Usage: node scripts/sign-in-js.mjs http://127.0.0.1:8080   (a server over this dist/)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'],
});
for (const locale of ['zh-CN', 'en-US']) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const scripts = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.waitForSelector('input[type=password]');
  const sizes = scripts.map((p) => [p, gzipSync(readFileSync(dist + p), { level: 9 }).length]);
  const total = sizes.reduce((n, [, s]) => n + s, 0);
  console.log(`${locale}: ${scripts.length} scripts, ${(total / 1000).toFixed(1)} KB gzipped`);
  for (const [p, s] of sizes.sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${(s / 1000).toFixed(1).padStart(6)} KB  ${p}`);
  await context.close();
}
await browser.close();
