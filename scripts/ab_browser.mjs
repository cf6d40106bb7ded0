// The page side of scripts/ab_browser.sh: imports two views modules into one page and alternates
// their `bench_lint` run by run on the benchmark messages.
import { readFileSync } from 'node:fs';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';

const [base, ua, ub, data, pages = '4'] = process.argv.slice(2);
const iters = +(process.env.ITERS || 8000);
const rounds = +(process.env.ROUNDS || 10);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const messages = [['api', 'api-12.http'], ['html', 'html-25.http']].map(([n, f]) => [n, readFileSync(`${data}/${f}`, 'utf8')]);
const res = { A: { api: [], html: [] }, B: { api: [], html: [] } };
for (let p = 0; p < +pages; p++) {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.statuslabViews && window.statuslabViews.bench_lint);
  // Which module is imported first alternates from page to page.
  await page.evaluate(async (urls) => {
    window.__ab = {};
    for (const u of urls) {
      const m = await import(u);
      await m.default();
      window.__ab[u] = m;
    }
  }, p % 2 ? [ub, ua] : [ua, ub]);
  const run = (u, raw) => page.evaluate(([u, r, n]) => window.__ab[u].bench_lint(r, n), [u, raw, iters]);
  // Warm-up past V8's baseline tier (see scripts/bench_browser.mjs).
  for (const [, raw] of messages) for (let i = 0; i < 3; i++) { await run(ua, raw); await run(ub, raw); }
  for (let r = 0; r < rounds; r++) {
    for (const [name, raw] of messages) {
      for (const [label, u] of (r % 2 ? [['B', ub], ['A', ua]] : [['A', ua], ['B', ub]])) res[label][name].push(await run(u, raw));
    }
  }
  await page.close();
}
await browser.close();
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
for (const name of ['api', 'html']) {
  const a = median(res.A[name]), b = median(res.B[name]);
  console.log(`${name}: A ${a.toFixed(3)} µs  B ${b.toFixed(3)} µs  B/A ${(b / a).toFixed(3)}  (${res.A[name].length} runs each)`);
}
