// The core loop in a real browser: compose → send with fetch → lint → findings beside headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, open, send, urlBox } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('first open: one click on Send shows the annotated 401', async () => {
  const { page, context, problems } = await open(browser);
  assert.equal(await urlBox(page).inputValue(), `${BASE}/api/status/401`);
  await send(page);
  const status = page.getByTestId('status');
  await status.waitFor();
  assert.match(await status.textContent(), /^401 Unauthorized/);
  // The simulator's 401 carries its challenge: no error finding about WWW-Authenticate.
  assert.equal(await page.locator('[data-testid=finding][data-code=STA001]').count(), 0);
  const headers = await page.locator('.headers-table').first().textContent();
  assert.match(headers, /www-authenticate/i);
  // The reference sits beside the response.
  assert.match(await page.getByRole('complementary', { name: 'About 401' }).textContent(), /About 401 Unauthorized/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 401 without WWW-Authenticate raises the rule beside the response', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${BASE}/api/status/401?omit=WWW-Authenticate`);
  await send(page);
  const f = page.locator('[data-testid=finding][data-code=STA001]');
  await f.waitFor();
  assert.equal(await f.getAttribute('data-severity'), 'error');
  assert.match(await f.textContent(), /WWW-Authenticate/);
  // It links to the rule's page, which is generated from the declaration.
  await f.getByRole('link', { name: 'STA001' }).click();
  await page.getByRole('heading', { name: /STA001 unauthorized-without-challenge/ }).waitFor();
  // What the rule applies to comes from its `statuses` declaration.
  assert.equal(await page.locator('.applies').textContent(), 'Applies to 401 responses.');
  await context.close();
});

test('findings explain the request that was sent, not the composer as edited since', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${BASE}/api/range/100`);
  await page.getByLabel('Header name').first().fill('Range');
  await page.getByLabel('Header value').first().fill('bytes=0-9');
  await send(page);
  const status = page.getByTestId('status');
  await status.waitFor();
  assert.match(await status.textContent(), /^206/);
  await page.locator('.headers-table').first().waitFor();
  const codes = async () => (await page.locator('[data-testid=finding]').evaluateAll((fs) => fs.map((f) => f.dataset.code))).sort();
  const before = await codes();
  assert.ok(!before.includes('STA016'), 'a 206 answering a Range request');
  // Take the Range header out of the composer: the 206 on screen still answers a Range request.
  await page.getByLabel('Header name').first().fill('X-Other');
  await page.getByLabel('Header value').first().fill('1');
  await page.waitForTimeout(300);
  assert.deepEqual(await codes(), before);
  await context.close();
});

test('a closed port shows a clear error, not a blank page', async () => {
  const { page, context, problems } = await open(browser);
  await urlBox(page).fill('http://127.0.0.1:65530/nothing');
  await send(page);
  const err = page.getByTestId('error');
  await err.waitFor();
  assert.match(await err.textContent(), /failed/i);
  assert.match(await page.locator('.notes').textContent(), /cannot see why/);
  assert.ok(problems.every((p) => !p.startsWith('pageerror')), problems.join('\n'));
  await context.close();
});

test('a 407 explains why the page saw no response and shows what the simulator sent', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${BASE}/api/status/407`);
  await send(page);
  await page.getByTestId('error').waitFor();
  const record = page.getByTestId('server-record');
  await record.waitFor();
  assert.match(await page.getByTestId('server-status').first().textContent(), /^407 Proxy Authentication Required/);
  assert.match(await page.locator('.notes').textContent(), /407 .*network error/s);
  assert.match(await record.textContent(), /Proxy-Authenticate/);
  await context.close();
});

test('bad input gets an inline message and loses nothing', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill('not a url');
  await send(page);
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').textContent(), /not a valid absolute URL/);
  assert.equal(await urlBox(page).inputValue(), 'not a url');
  await page.getByLabel('Method', { exact: true }).fill('GE T');
  await urlBox(page).fill(`${BASE}/api/status/200`);
  await send(page);
  assert.match(await page.getByTestId('error').textContent(), /not a valid method/);
  await context.close();
});

test('headers are added and sent; Ctrl+Enter sends', async () => {
  const { page, context } = await open(browser);
  await page.getByRole('button', { name: 'Add header', exact: true }).click();
  await page.getByLabel('Header name', { exact: true }).last().fill('X-Trace');
  await page.getByLabel('Header value', { exact: true }).last().fill('abc "quoted" $HOME');
  await urlBox(page).fill(`${BASE}/api/status/200`);
  await urlBox(page).press('Control+Enter');
  await page.getByTestId('status').waitFor();
  const body = await page.getByTestId('body').textContent();
  const diag = JSON.parse(body);
  const got = Object.fromEntries(diag.request.headers);
  assert.equal(got['x-trace'], 'abc "quoted" $HOME');
  await context.close();
});

test('text from the wire is rendered as text, never as HTML', async () => {
  const { page, context, problems } = await open(browser);
  const evil = '<img src=x onerror="window.__pwned=1">';
  await urlBox(page).fill(`${BASE}/api/status/200?set=X-Evil:${encodeURIComponent(evil)}`);
  await send(page);
  await page.getByTestId('status').waitFor();
  assert.match(await page.locator('.headers-table').first().textContent(), /<img src=x onerror/);
  assert.equal(await page.locator('.headers-table img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('accessible names Method, URL and Send are exact and unique on every page', async () => {
  for (const path of ['/', '/embed']) {
    const { page, context } = await open(browser, path);
    assert.equal(await page.getByLabel('Method', { exact: true }).count(), 1, path);
    assert.equal(await page.getByLabel('URL', { exact: true }).count(), 1, path);
    assert.equal(await page.getByRole('button', { name: 'Send', exact: true }).count(), 1, path);
    await context.close();
  }
});

test('the app is served with a strict CSP and security headers, and runs under them', async () => {
  const res = await fetch(`${BASE}/`);
  const csp = res.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.match(csp, /connect-src \*/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  const { page, context, problems } = await open(browser, '/status/401');
  await page.getByRole('heading', { name: '401 Unauthorized' }).waitFor();
  assert.deepEqual(problems.filter((p) => /Content Security Policy|Refused/.test(p)), []);
  await context.close();
});

test('cross-origin simulator: localhost and 127.0.0.1 are different origins', async () => {
  const { page, context } = await open(browser);
  await page.getByRole('button', { name: 'Use cross-origin simulator' }).click();
  const url = await urlBox(page).inputValue();
  assert.match(url, /^http:\/\/localhost:\d+\/api\/status\/401$/);
  await send(page);
  const status = page.getByTestId('status');
  await status.waitFor();
  assert.match(await status.textContent(), /^401/);
  assert.match(await page.locator('.notes').textContent(), /Cross-origin/);
  await context.close();
});
