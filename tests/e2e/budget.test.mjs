// The reference issue's size budget: the first load (html + js + wasm + css, gzip -9) stays at or
// under 250 KB. Everything else is the views module, fetched after the first render
// (src/deferred.rs) — the playground renders and takes input without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { BASE, launch } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const BUDGET = 250 * 1024;
const gz = async (url) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;

test('the first load is at most 250 KB gzipped, and the playground works before the views arrive', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  // Hold the views module back: what renders now is the first load alone.
  await page.route('**/views/**', (route) => route.abort());
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
  await page.getByLabel('URL', { exact: true }).fill(`${BASE}/api/status/204`);
  assert.equal(await page.getByLabel('URL', { exact: true }).inputValue(), `${BASE}/api/status/204`);
  const firstLoad = requested.filter((u) => u.startsWith(BASE) && !u.includes('/views/') && !u.includes('/api/'));
  assert.ok(firstLoad.some((u) => u.endsWith('.wasm')), firstLoad.join('\n'));
  let total = 0;
  for (const u of firstLoad) total += await gz(u);
  assert.ok(total <= BUDGET, `first load ${total} bytes gzipped > ${BUDGET}: ${firstLoad.join(', ')}`);
  const module = requested.find((u) => u.includes('/views/'));
  assert.ok(module, 'the views module is requested right after the first render');
  // Named by its content hash, so the server lets browsers keep it.
  assert.match(module, /\/views\/[0-9a-f]{16}\/statuslab_views\.js$/);
  const wasmUrl = module.replace(/statuslab_views\.js$/, 'statuslab_views_bg.wasm');
  assert.match((await fetch(wasmUrl)).headers.get('cache-control'), /immutable/);
  // Without the views the response cannot be drawn: the page says so instead of going blank.
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('views-error').first().waitFor();
  const views = await gz(wasmUrl);
  console.log(`# first load ${(total / 1024).toFixed(1)} KB gz (${firstLoad.length} files); views module ${(views / 1024).toFixed(1)} KB gz`);
  await context.close();
});
