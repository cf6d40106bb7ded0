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
  await ctx.close();
}
// Lint time: five runs in each of eight fresh pages, the median of all forty. One page's figure
// moves by up to ±15 % from page to page (where V8 puts and tiers the code): over three pages
// the median still moved by up to 10 % between runs of the same build, over twenty by about 1 %.
const messages = [['api-12-headers', 'api-12.http'], ['html-25-headers', 'html-25.http']]
  .map(([name, file]) => [name, readFileSync(`${data}/${file}`, 'utf8')]);
// Each message twice: with the request (as criterion's `lint/`, and as bench_httplint.py's
// `exchange:` figures), and alone (`lint-response/`, httplint given the response alone).
const hooks = [['', 'bench_lint'], ['response:', 'bench_lint_response']];
const runs = Object.fromEntries(hooks.flatMap(([k]) => messages.map(([name]) => [k + name, []])));
for (let p = 0; p < 8; p++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.statuslabViews && window.statuslabViews.bench_lint);
  // Warm-up long enough for V8 to tier the module up from its baseline compiler (Liftoff) to
  // optimised code (TurboFan): 200 iterations measured the baseline code, 2–3× slower. Each
  // hook and message is warmed up on its own, 20 runs of 2000 lints each. With 5 runs of the
  // first hook only (until session 9) the first configuration timed, the API message with its
  // request, was still partly tiering: one build read 3.75 / 7.60 µs (API / HTML) that way,
  // 3.35 / 7.35 µs after 10 warm-up runs of each, 3.30 / 7.25 µs after 25.
  for (const [, hook] of hooks) {
    for (const [, raw] of messages) {
      for (let i = 0; i < 20; i++) await page.evaluate(([h, r]) => window.statuslabViews[h](r, 2000), [hook, raw]);
    }
  }
  for (const [k, hook] of hooks) {
    for (const [name, raw] of messages) {
      for (let i = 0; i < 5; i++) runs[k + name].push(await page.evaluate(([h, r]) => window.statuslabViews[h](r, 2000), [hook, raw]));
    }
  }
  await ctx.close();
}
for (const key of Object.keys(runs)) out[key] = median(runs[key]);
out.load_ms = median(loads);
out.baseline_ms = median(baseline);
await browser.close();
console.log(JSON.stringify(out));
