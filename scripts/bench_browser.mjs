// In-browser figures for scripts/bench.sh: lint µs per response inside the wasm app, and the
// app's load time (navigation → composer ready) against a baseline page from the same server.
import { readFileSync } from 'node:fs';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';

const base = process.argv[2];
const data = process.argv[3];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const out = {};
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const loads = [], baseline = [];
for (let i = 0; i < 7; i++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  let t = Date.now();
  await page.goto(`${base}/api/status/200`);
  baseline.push(Date.now() - t);
  t = Date.now();
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
  loads.push(Date.now() - t);
  if (i === 6) {
    await page.waitForFunction(() => window.statuslabViews && window.statuslabViews.bench_lint);
    for (const [name, file] of [['api-12-headers', 'api-12.http'], ['html-25-headers', 'html-25.http']]) {
      const raw = readFileSync(`${data}/${file}`, 'utf8');
      await page.evaluate(([r]) => window.statuslabViews.bench_lint(r, 200), [raw]);
      out[name] = await page.evaluate(([r]) => window.statuslabViews.bench_lint(r, 2000), [raw]);
    }
  }
  await ctx.close();
}
out.load_ms = median(loads);
out.baseline_ms = median(baseline);
await browser.close();
console.log(JSON.stringify(out));
