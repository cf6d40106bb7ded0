// Sharing: permalinks (secrets left out), snapshots, hostile links, embeds in a foreign page,
// copy as code, import / paste-to-lint and history — in headless Chromium.
import { test, before, after } from 'node:test';
import http from 'node:http';
import assert from 'node:assert/strict';
import { BASE, launch, open, send, urlBox } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function addHeader(page, name, value) {
  await page.getByRole('button', { name: 'Add header', exact: true }).click();
  await page.getByLabel('Header name', { exact: true }).last().fill(name);
  await page.getByLabel('Header value', { exact: true }).last().fill(value);
}

async function composerState(page) {
  const names = await page.getByLabel('Header name', { exact: true }).evaluateAll((els) => els.map((e) => e.value));
  const values = await page.getByLabel('Header value', { exact: true }).evaluateAll((els) => els.map((e) => e.value));
  return {
    method: await page.getByLabel('Method', { exact: true }).inputValue(),
    url: await urlBox(page).inputValue(),
    headers: names.map((n, i) => [n, values[i]]),
    body: await page.getByLabel('Request body').inputValue(),
  };
}

test('the address bar is a link: same state in a new browser, secrets left out', async () => {
  const { page, context } = await open(browser);
  await page.getByLabel('Method', { exact: true }).fill('POST');
  await urlBox(page).fill(`${BASE}/api/status/201?token=s3cr3t&keep=1`);
  await addHeader(page, 'X-Trace', 'abc');
  await addHeader(page, 'Authorization', 'Bearer top-secret');
  await page.getByLabel('Request body').fill('{"a": 1}');
  await page.waitForFunction(() => location.hash.length > 5);
  const link = page.url();
  assert.ok(!link.includes('top-secret') && !link.includes('s3cr3t'));
  await page.getByText('Share', { exact: true }).click();
  const note = await page.getByTestId('redaction-note').textContent();
  assert.match(note, /Authorization/);
  assert.match(note, /token/);
  // Same tab: a reload keeps the secrets (sessionStorage).
  await page.reload();
  await page.getByLabel('Method', { exact: true }).waitFor();
  assert.ok(JSON.stringify((await composerState(page)).headers).includes('Bearer top-secret'));
  // A new browser context (a recipient): same request, without the secrets.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await p2.getByLabel('Method', { exact: true }).waitFor();
  const s2 = await composerState(p2);
  assert.equal(s2.method, 'POST');
  assert.equal(s2.url, `${BASE}/api/status/201?keep=1`);
  assert.deepEqual(s2.headers.filter(([n]) => n), [['Accept', 'application/json'], ['X-Trace', 'abc']]);
  assert.equal(s2.body, '{"a": 1}');
  assert.ok(link.length < 2000, `link length ${link.length}`);
  await other.close();
  await context.close();
});

test('opting in puts secrets and a snapshot in the copied link; a re-send is compared', async () => {
  const { page, context } = await open(browser);
  await addHeader(page, 'Authorization', 'Bearer shared-on-purpose');
  await urlBox(page).fill(`${BASE}/api/status/404`);
  await send(page);
  await page.getByTestId('status').waitFor();
  await page.getByText('Share', { exact: true }).click();
  await page.getByLabel('Include secrets in copied link').check();
  await page.getByLabel('Include response snapshot').check();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await p2.getByTestId('source-note').waitFor();
  assert.match(await p2.getByTestId('status').textContent(), /^404/);
  assert.ok(JSON.stringify((await composerState(p2)).headers).includes('shared-on-purpose'));
  await p2.getByLabel('URL', { exact: true }).fill(`${BASE}/api/status/410`);
  await send(p2);
  await p2.getByTestId('snapshot-diff').waitFor();
  assert.match(await p2.getByTestId('snapshot-diff').textContent(), /status 404 → 410/);
  await other.close();
  await context.close();
});

test('a malformed or hostile link opens the app with a message and executes nothing', async () => {
  for (const frag of ['v1.%%%', 'v1.AAAA', 'v9.abc', 'garbage', 'v1.' + 'A'.repeat(5000)]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}/#${frag}`);
    await page.getByTestId('link-error').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Send', exact: true }).count(), 1);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
  // HTML and script in every field, through a real link.
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const { page, context } = await open(browser);
  await page.getByLabel('Method', { exact: true }).fill('POST');
  await urlBox(page).fill(`${BASE}/api/status/200?q=${encodeURIComponent(evil)}`);
  await addHeader(page, 'X-Evil', evil);
  await page.getByLabel('Request body').fill(evil);
  await page.waitForFunction(() => location.hash.length > 5);
  const link = page.url();
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(link);
  await p2.getByLabel('Method', { exact: true }).waitFor();
  await send(p2);
  await p2.getByTestId('status').waitFor();
  assert.equal(await p2.evaluate(() => window.__pwned), undefined);
  assert.equal(await p2.locator('main img').count(), 0);
  assert.equal(await p2.getByLabel('Request body').inputValue(), evil);
  await other.close();
  await context.close();
});

test('an embed inside an iframe on another origin grows to its content', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${BASE}/api/status/418`);
  await page.getByText('Fetch options').click();
  await page.getByLabel('Credentials').selectOption('omit');
  await page.getByText('Share', { exact: true }).click();
  const code = await page.getByLabel('Embed code').inputValue();
  const src = code.match(/src="([^"]+)"/)[1].replace('/embed#', '/embed?autorun=1#');
  // The parent page is served by a server of its own, on another port: another origin.
  const html = `<!doctype html><iframe id="f" src="${src.replace(/"/g, '&quot;')}" style="height:60px;width:800px;border:0"></iframe><script>addEventListener('message',e=>{if(e.data&&e.data.type==='statuslab:height')document.getElementById('f').style.height=e.data.height+'px'})</script>`;
  const server = http.createServer((req, res) => { res.setHeader('Content-Type', 'text/html'); res.end(html); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const host = await browser.newContext();
  const parent = await host.newPage();
  await parent.goto(`http://127.0.0.1:${server.address().port}/`);
  const frame = parent.frameLocator('#f');
  await frame.getByTestId('status').waitFor({ timeout: 15000 });
  assert.match(await frame.getByTestId('status').textContent(), /^418/);
  await parent.waitForFunction(() => parseInt(document.getElementById('f').style.height) > 200);
  await host.close();
  server.close();
  await context.close();
});

test('copy as code, import of curl and paste-to-lint without a network request', async () => {
  const { page, context } = await open(browser);
  await page.getByText('Copy as code').click();
  await page.getByLabel('Snippet language').selectOption('curl');
  assert.match(await page.getByTestId('snippet').textContent(), /^curl /);
  await page.getByLabel('Snippet language').selectOption('Python requests');
  assert.match(await page.getByTestId('snippet').textContent(), /requests/);

  await page.getByText('Import or paste').click();
  const box = page.getByLabel('Paste curl, raw HTTP or HAR');
  await box.fill(`curl -X PUT '${BASE}/api/status/204' -H 'X-Imported: yes' --data-raw 'k=v'`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const s = await composerState(page);
  assert.equal(s.method, 'PUT');
  assert.equal(s.url, `${BASE}/api/status/204`);
  assert.ok(s.headers.some(([n, v]) => n === 'X-Imported' && v === 'yes'));
  assert.equal(s.body, 'k=v');

  // Only the app's own reference data may load; nothing goes to the pasted message's server.
  let requests = 0;
  page.on('request', (r) => { if (!/\/codes\/|\/api\/rules$/.test(r.url())) requests++; });
  await box.fill('HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\nnope');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('[data-testid=finding][data-code=STA001]').waitFor();
  assert.match(await page.getByTestId('source-note').textContent(), /offline/);
  assert.equal(requests, 0);

  await box.fill('hello world');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-error').waitFor();
  await context.close();
});

test('history keeps recent sends, searchable, re-openable, clearable', async () => {
  const { page, context } = await open(browser);
  for (const code of [201, 418]) {
    await urlBox(page).fill(`${BASE}/api/status/${code}`);
    await send(page);
    await page.getByTestId('status').waitFor();
  }
  await page.getByText(/^History/).click();
  const list = page.getByTestId('history');
  assert.match(await list.textContent(), /418/);
  await page.getByLabel('Search history').fill('201');
  assert.doesNotMatch(await list.textContent(), /status\/418/);
  await list.getByRole('button').first().click();
  assert.equal(await urlBox(page).inputValue(), `${BASE}/api/status/201`);
  await page.getByRole('button', { name: 'Clear history', exact: true }).click();
  await page.getByLabel('Search history').fill('');
  assert.equal(await list.locator('li').count(), 0);
  await context.close();
});
