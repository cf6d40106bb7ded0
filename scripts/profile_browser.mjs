// Where lint time goes inside the browser: samples V8's CPU profiler while the wasm views module
// lints one message, and prints self time per wasm function.
//
//   node scripts/profile_browser.mjs http://127.0.0.1:8080 crates/bench/data/api-12.http [top]
//
// Function names need the module's name section, which the release build's wasm-opt strips:
// rebuild the views without it first (`NO_WASM_OPT=1 scripts/build-views.sh`).
// Samples taken while a callee sets up its frame count for the caller, so `lint` also carries
// the cost of calling the rules.
import { readFileSync } from 'node:fs';
import { chromium } from '../tools/node_modules/playwright-core/index.mjs';

const [base, file, top = '40'] = process.argv.slice(2);
if (!base || !file) {
  console.error('usage: node scripts/profile_browser.mjs BASE_URL MESSAGE_FILE [TOP]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
await page.goto(`${base}/`);
await page.waitForFunction(() => window.statuslabViews && window.statuslabViews.bench_lint);
const raw = readFileSync(file, 'utf8');
// Past V8's baseline tier, as in scripts/bench_browser.mjs.
for (let i = 0; i < 5; i++) await page.evaluate(([r]) => window.statuslabViews.bench_lint(r, 2000), [raw]);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 20 });
await cdp.send('Profiler.start');
const us = await page.evaluate(([r]) => window.statuslabViews.bench_lint(r, 40000), [raw]);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
const self = new Map();
let total = 0;
for (const n of profile.nodes) {
  const name = (n.callFrame.functionName || n.callFrame.url || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
  self.set(name, (self.get(name) || 0) + (n.hitCount || 0));
  total += n.hitCount || 0;
}
console.log(`${us.toFixed(2)} µs per lint, ${total} samples`);
for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`);
}
