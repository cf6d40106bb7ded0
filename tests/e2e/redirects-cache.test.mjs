// Redirects, the HTTP cache and conditional requests as Chromium really handles them: every view
// the app draws is checked against what the simulator recorded of Chromium's own requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, open, send } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const twin = BASE.includes('127.0.0.1') ? BASE.replace('127.0.0.1', 'localhost') : BASE.replace('localhost', '127.0.0.1');

/** Loads one of the composer's simulator examples and sends it. */
async function sendExample(page, label) {
  await page.locator('#examples').selectOption({ label });
  await send(page);
}

/** The simulator's record for the rid the app put on the URL it sent. */
async function recordOf(page) {
  const sent = await page.locator('.sent-as code').first().textContent();
  const rid = new URL(sent).searchParams.get('rid');
  const res = await fetch(`${BASE}/api/exchanges/${rid}`);
  return (await res.json()).exchanges;
}

const hasHeader = (entry, name) => entry.request.headers.some(([n]) => n.toLowerCase() === name);

for (const [label, status, methodIn, methodOut] of [
  ['302 redirect turns a POST into a GET', '302', 'POST', 'GET'],
  ['307 redirect keeps the POST', '307', 'POST', 'POST'],
  ['303 See Other after a PUT', '303', 'PUT', 'GET'],
]) {
  test(`${status}: the chain shows ${methodIn} → ${methodOut}, as Chromium sent it`, async () => {
    const { page, context, problems } = await open(browser);
    await sendExample(page, label);
    const hop = page.getByTestId('hop').first();
    await hop.waitFor();
    assert.equal(await hop.getAttribute('data-method-in'), methodIn);
    assert.equal(await hop.getAttribute('data-status'), status);
    assert.equal(await hop.getAttribute('data-method-out'), methodOut);
    assert.equal(await page.getByTestId('chain-final').getAttribute('data-method'), methodOut);
    assert.match(await page.getByTestId('chain-check').textContent(), /matches the Fetch standard/);
    // Ground truth: the requests Chromium made, as the simulator received them.
    const rec = (await recordOf(page)).filter((e) => e.kind !== 'preflight');
    assert.deepEqual(rec.map((e) => e.request.method), [methodIn, methodOut]);
    assert.equal(rec[0].response.status, Number(status));
    // The body went along only when the method was kept.
    assert.equal(rec[1].request.body_size > 0, methodIn === methodOut);
    // The page itself saw only the final 200, redirected.
    assert.match(await page.getByTestId('status').textContent(), /^200/);
    assert.match(await page.locator('[data-testid=option-effects] [data-option=redirect]').textContent(), /Followed 1 redirect/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('redirect: "manual" gives status 0 and the app says why', async () => {
  const { page, context } = await open(browser);
  await page.getByLabel('URL', { exact: true }).fill(`${BASE}/api/redirect/1?status=302`);
  await page.locator('details.options summary').click();
  await page.locator('#opt-redirect').selectOption('manual');
  await send(page);
  const status = page.getByTestId('status');
  await status.waitFor();
  assert.match(await status.textContent(), /^0\b/);
  assert.match(await page.locator('.status-line .meta').textContent(), /type opaqueredirect/);
  assert.match(await page.locator('[data-testid=option-effects] [data-option=redirect]').textContent(), /opaque-redirect response.*status 0/);
  // Chromium did not follow: the simulator saw the first hop only.
  const rec = await recordOf(page);
  assert.deepEqual(rec.map((e) => e.kind), ['redirect']);
  await context.close();
});

test('a cross-origin hop drops Authorization, and the record proves it', async () => {
  const { page, context } = await open(browser);
  await sendExample(page, 'Cross-origin hop drops Authorization');
  const hop = page.getByTestId('hop').first();
  await hop.waitFor();
  assert.equal(await hop.getAttribute('data-origin-changed'), 'true');
  assert.equal(await hop.getAttribute('data-dropped'), 'authorization');
  assert.match(await page.getByTestId('dropped-header').textContent(), /Authorization dropped.*confirmed: the next request arrived without it/);
  const rec = (await recordOf(page)).filter((e) => e.kind !== 'preflight');
  assert.equal(rec.length, 2);
  assert.ok(hasHeader(rec[0], 'authorization'), 'the first hop carried Authorization');
  assert.ok(!hasHeader(rec[1], 'authorization'), 'Chromium removed it on the cross-origin hop');
  const host = rec[1].request.headers.find(([n]) => n === 'host')[1];
  assert.equal(`http://${host}`, new URL(twin).origin);
  await context.close();
});

test('a redirect loop: Chromium gives up after 20 redirects and the app shows the loop', async () => {
  const { page, context } = await open(browser);
  await sendExample(page, 'Redirect loop (browser stops at 20)');
  await page.getByTestId('error').waitFor();
  const chain = page.getByTestId('redirect-chain');
  await chain.waitFor();
  assert.equal(await chain.getAttribute('data-hops'), '21');
  assert.match(await chain.textContent(), /redirect loop/);
  await context.close();
});

test('a fresh response is served from the browser cache without reaching the server', async () => {
  const { page, context } = await open(browser);
  await sendExample(page, 'Fresh for 60 s: the second send comes from the cache');
  await page.getByTestId('cache-evidence').waitFor();
  assert.match(await page.getByTestId('cache-evidence').textContent(), /From the network/);
  assert.match(await page.getByTestId('freshness').textContent(), /^60 s .*max-age=60/);
  const firstCount = (await recordOf(page)).length;
  await send(page);
  await page.getByTestId('cache-evidence').filter({ hasText: 'Served from the browser' }).waitFor();
  assert.equal((await recordOf(page)).length, firstCount, 'the second send never reached the simulator');
  await context.close();
});

test('no-cache with an ETag: the browser revalidates, the server answers 304, the page sees 200', async () => {
  const { page, context } = await open(browser);
  await sendExample(page, 'no-cache + ETag: revalidated with a 304');
  await page.getByTestId('cache-evidence').waitFor();
  await send(page);
  await page.getByTestId('cache-evidence').filter({ hasText: 'Revalidated' }).waitFor();
  assert.match(await page.getByTestId('status').textContent(), /^200/);
  const last = (await recordOf(page)).filter((e) => e.kind === 'request').at(-1);
  assert.equal(last.response.status, 304);
  assert.ok(last.request.headers.some(([n, v]) => n === 'if-none-match' && v === '"v1"'), 'Chromium sent If-None-Match');
  await context.close();
});

test('probe the cache: force-cache and only-if-cached hit, no-cache goes to the server', async () => {
  const { page, context } = await open(browser);
  await sendExample(page, 'Fresh for 60 s: the second send comes from the cache');
  await page.getByTestId('probe-cache').click();
  await page.getByTestId('probe-result').nth(2).waitFor();
  const verdict = async (mode) => page.locator(`[data-testid=probe-result][data-mode=${mode}]`).textContent();
  assert.match(await verdict('force-cache'), /Served from the browser's HTTP cache.*no request/);
  assert.match(await verdict('no-cache'), /Fetched from the network.*received 1 request/);
  assert.match(await verdict('only-if-cached'), /Served from the browser's HTTP cache.*no request/);
  await context.close();
});

test('timing: a waterfall for same-origin requests, a note when the browser hides the phases', async () => {
  const { page, context } = await open(browser);
  await page.getByLabel('URL', { exact: true }).fill(`${BASE}/api/status/200`);
  await send(page);
  const timing = page.getByTestId('timing');
  await timing.waitFor();
  assert.ok(await timing.locator('svg rect').count() >= 2, 'several phases drawn');
  assert.equal(await page.getByTestId('timing-hidden').count(), 0);
  await page.getByLabel('URL', { exact: true }).fill(`${twin}/api/status/200`);
  await send(page);
  await page.getByTestId('timing-hidden').waitFor();
  assert.match(await page.getByTestId('timing-hidden').textContent(), /Timing-Allow-Origin/);
  await context.close();
});

test('Basic auth: the composer warns about the login dialog; a CORS request or credentials "omit" shows the 401', async () => {
  const { page, context } = await open(browser);
  await page.getByLabel('URL', { exact: true }).fill(`${BASE}/api/auth/basic/demo/s3cret`);
  await page.getByTestId('auth-prompt-warning').waitFor();
  await page.locator('details.options summary').click();
  await page.locator('#opt-credentials').selectOption('omit');
  assert.equal(await page.getByTestId('auth-prompt-warning').count(), 0, 'no prompt without credentials');
  await send(page);
  await page.getByTestId('status').filter({ hasText: /^401/ }).waitFor();
  assert.match(await page.locator('.headers-table').first().textContent(), /Basic realm="Status Lab simulator"/);

  await page.locator('#examples').selectOption({ label: 'Basic auth challenge (401, cross-origin: no login dialog)' });
  assert.equal(await page.getByTestId('auth-prompt-warning').count(), 0);
  await send(page);
  await page.getByTestId('status').filter({ hasText: /^401/ }).waitFor();
  assert.match(await page.locator('.status-line .meta').textContent(), /type cors/);

  await page.locator('#examples').selectOption({ label: 'Basic auth with the right credentials' });
  await send(page);
  await page.getByTestId('status').filter({ hasText: /^200/ }).waitFor();
  await context.close();
});
