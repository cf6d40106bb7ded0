// What the browser blocks outside CORS: mixed content (an https page fetching an http URL that is
// not potentially trustworthy), Local Network Access (a public page reaching a loopback or local
// address) and the page's own Content-Security-Policy. The app is served at made-up origins through
// Playwright's request interception (the same server behind them): an https page and a plain http
// page that Chromium, having no IP address for them, counts as public. Automation denies the Local
// Network Access permission, so a local network request fails with LocalNetworkAccessPermissionDenied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, launch, send, urlBox } from './harness.mjs';

const BIN = process.env.STATUSLAB_BIN || 'target/debug/statuslab';
const CROSS = BASE.replace('127.0.0.1', 'localhost');
const SECURE = 'https://statuslab.test';
const PLAIN = 'http://public.test';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A context where SECURE and PLAIN serve the app from BASE. */
async function routedContext() {
  const context = await browser.newContext();
  await context.route(/^(https:\/\/statuslab\.test|http:\/\/public\.test)\//, async (route) => {
    const u = new URL(route.request().url());
    const res = await route.fetch({ url: BASE + u.pathname + u.search });
    await route.fulfill({ response: res });
  });
  return context;
}

async function openAt(context, origin) {
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.locator('main').first().waitFor({ timeout: 15000 });
  return page;
}

// [name, page origin, url (RID is replaced), method, headers]
const CASES = [
  ['https page → http name: mixed content', SECURE, 'http://example.invalid/api?rid=RID', 'GET', {}],
  ['https page → http name, PUT: mixed content, no preflight', SECURE, 'http://example.invalid/api?rid=RID', 'PUT', { 'X-Token': '1' }],
  ['https page → http 127.0.0.1: trustworthy, but a local network request', SECURE, `${BASE}/api/status/200?cors=wildcard&rid=RID`, 'GET', {}],
  ['https page → http localhost with a preflight: denied before the preflight', SECURE, `${CROSS}/api/status/200?cors=wildcard&rid=RID`, 'PUT', { 'X-Token': '1' }],
  ['https page → http 192.168.1.1: exempt from mixed content, a local network request', SECURE, 'http://192.168.1.1/?rid=RID', 'GET', {}],
  // Address-space edges, decided before any connection.
  ['https page → http 100.64.0.1 (shared address space): local', SECURE, 'http://100.64.0.1/?rid=RID', 'GET', {}],
  ['https page → http 169.254.1.1 (link-local): local', SECURE, 'http://169.254.1.1/?rid=RID', 'GET', {}],
  ['https page → http [::ffff:192.168.0.1] (IPv4-mapped): local', SECURE, 'http://[::ffff:192.168.0.1]/?rid=RID', 'GET', {}],
  ['https page → http 172.32.0.1: public, mixed content', SECURE, 'http://172.32.0.1/?rid=RID', 'GET', {}],
  ['https page → http 198.18.0.1 (benchmarking): public, mixed content', SECURE, 'http://198.18.0.1/?rid=RID', 'GET', {}],
  ['https page → http [::ffff:8.8.8.8]: public, mixed content', SECURE, 'http://[::ffff:8.8.8.8]/?rid=RID', 'GET', {}],
  ['http page → http name: no mixed-content blocking on http pages', PLAIN, 'http://example.invalid/api?rid=RID', 'GET', {}],
  ['http page → loopback: insecure local network request', PLAIN, `${BASE}/api/status/200?cors=wildcard&rid=RID`, 'GET', {}],
  ['http page → 10.0.0.1: insecure local network request', PLAIN, 'http://10.0.0.1/?rid=RID', 'GET', {}],
];

test(`mixed content and Local Network Access: ${CASES.length} cases, statuslab cors = wasm = Chromium`, async () => {
  const context = await routedContext();
  const pages = { [SECURE]: await openAt(context, SECURE), [PLAIN]: await openAt(context, PLAIN) };
  const failures = new Map();
  for (const page of Object.values(pages)) {
    await page.waitForFunction(() => window.statuslabViews && window.statuslabViews.cors_evaluate);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFailed', (e) => {
      const rid = new URL(urls.get(e.requestId) || 'http://x/').searchParams.get('rid');
      if (rid) failures.set(rid, { blocked: e.blockedReason ?? null, cors_error: e.corsErrorStatus?.corsError ?? null });
    });
  }
  const mismatches = [];
  let i = 0;
  for (const [name, origin, template, method, headers] of CASES) {
    const rid = `secure${Date.now()}x${i++}`;
    const url = template.replace('RID', rid);
    const page = pages[origin];
    const body = method === 'GET' ? undefined : 'hello';
    const resolved = await page.evaluate(async ({ url, init }) => {
      try { await fetch(url, { ...init, signal: AbortSignal.timeout(5000) }); return true; } catch { return false; }
    }, { url, init: { method, headers, body } });
    await page.waitForTimeout(50);
    const record = await (await fetch(`${BASE}/api/exchanges/${rid}`)).json().catch(() => ({ exchanges: [] }));
    const exchanges = record.exchanges || [];
    const failure = failures.get(rid) || { blocked: null, cors_error: null };
    const chromium = { preflight_reached: exchanges.some((x) => x.kind === 'preflight'), resolved, ...failure };
    const input = {
      page_origin: origin, page_address_space: 'public', local_network_permission: 'denied',
      url, method, headers: Object.entries(headers), mode: 'cors', credentials: 'same-origin',
      response: null,
    };
    const cli = JSON.parse(execFileSync(BIN, ['cors'], { input: JSON.stringify(input) }).toString());
    const wasm = JSON.parse(await page.evaluate((j) => window.statuslabViews.cors_evaluate(j), JSON.stringify(input)));
    const predicted = { preflight_reached: cli.preflight_required, resolved: cli.response.ok, blocked: cli.blocked, cors_error: cli.cors_error };
    if (JSON.stringify(predicted) !== JSON.stringify(chromium)) mismatches.push(`${name}:\n  chromium  ${JSON.stringify(chromium)}\n  predicted ${JSON.stringify(predicted)}`);
    if (JSON.stringify(wasm) !== JSON.stringify(cli)) mismatches.push(`${name}: the wasm verdict differs from the CLI's`);
  }
  assert.deepEqual(mismatches, [], mismatches.join('\n'));
  await context.close();
});

test('the app on an https page says mixed content before sending, and with certainty after', async () => {
  const context = await routedContext();
  const page = await openAt(context, SECURE);
  await urlBox(page).fill('http://example.invalid/api/items');
  assert.match(await page.getByTestId('prediction').textContent(), /Will not be sent: mixed content/);
  await send(page);
  await page.getByTestId('error').waitFor();
  await page.getByTestId('cors-diagnosis').waitFor();
  assert.equal(await page.getByTestId('blocked-reason').textContent(), 'mixed-content');
  const d = await page.getByTestId('cors-diagnosis').textContent();
  assert.match(d, /Certain/);
  assert.match(d, /Mixed Content/);
  // Loopback over http is potentially trustworthy: not mixed content, but Local Network Access.
  await urlBox(page).fill(`${BASE}/api/status/200?cors=wildcard`);
  const p = await page.getByTestId('prediction').textContent();
  assert.doesNotMatch(p, /mixed content/);
  assert.match(await page.getByTestId('local-network').textContent(), /loopback-network/);
  await send(page);
  await page.getByTestId('error').waitFor();
  await page.getByText('Local Network Access', { exact: true }).waitFor();
  await context.close();
});

test("the page's own CSP blocking a fetch is diagnosed from the securitypolicyviolation event", async () => {
  const context = await browser.newContext();
  // The app as served, with a stricter connect-src: only its own origin.
  await context.route(`${BASE}/`, async (route) => {
    const res = await route.fetch();
    const headers = res.headers();
    assert.match(headers['content-security-policy'], /connect-src \*/);
    headers['content-security-policy'] = headers['content-security-policy'].replace(/connect-src [^;]*/, "connect-src 'self'");
    await route.fulfill({ response: res, headers });
  });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.locator('main').first().waitFor({ timeout: 15000 });
  await urlBox(page).fill(`${CROSS}/api/status/200`);
  await send(page);
  await page.getByTestId('error').waitFor();
  const d = page.getByTestId('cors-diagnosis');
  await d.waitFor();
  const text = await d.textContent();
  assert.match(text, /Blocked by the page's Content-Security-Policy \(directive connect-src, blocked URI http:\/\/localhost:\d+\/api\/status\/200\?rid=\w+\)/);
  assert.match(text, /Certain: the browser fired a securitypolicyviolation event/);
  assert.equal(await page.getByText('Why did it fail?').count(), 0, 'no "cannot see why" note beside a certain diagnosis');
  // The same request under the app's own policy is not blocked by CSP.
  await context.unroute(`${BASE}/`);
  await page.goto(`${BASE}/`);
  await page.locator('main').first().waitFor({ timeout: 15000 });
  await urlBox(page).fill(`${CROSS}/api/status/200`);
  await send(page);
  await page.getByTestId('status').waitFor();
  assert.equal(await page.getByTestId('cors-diagnosis').count(), 0);
  await context.close();
});
