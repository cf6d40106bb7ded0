// The status-code reference: index, search, a page per code, and "Try it live".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the index groups codes by class and searches by code and words', async () => {
  const { page, context, problems } = await open(browser, '/status');
  await page.getByRole('heading', { name: '4xx Client error' }).waitFor();
  assert.ok(await page.getByRole('link', { name: /^418 \(Unused\)/ }).count() === 1);
  assert.match(await page.locator('li', { hasText: '499 Client Closed Request' }).textContent(), /unofficial/);
  const search = page.getByLabel('Search status codes');
  await search.fill('42');
  assert.equal(await page.getByRole('link', { name: /^429 Too Many Requests/ }).count(), 1);
  assert.equal(await page.getByRole('link', { name: /^401 / }).count(), 0);
  await search.fill('rate limit');
  await page.getByRole('link', { name: /^429 Too Many Requests/ }).waitFor();
  await search.fill('zzzz-nothing');
  await page.getByTestId('no-results').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a code page shows every field, and Try it live sends the 401 exchange', async () => {
  const { page, context, problems } = await open(browser, '/status/401');
  await page.getByRole('heading', { name: 'Critical headers' }).waitFor();
  for (const h of ['What it guarantees', 'What it does not guarantee', 'When to use it', 'Common misuses', 'Caching',
                   'Retrying', 'Monitoring', 'How clients treat it', 'Framework snippets', 'Debugging', 'FAQ', 'Related codes']) {
    assert.equal(await page.getByRole('heading', { name: h, exact: true }).count(), 1, h);
  }
  assert.match(await page.locator('.crit-headers').textContent(), /WWW-Authenticate/);
  for (const fw of ['Express', 'Django REST Framework', 'FastAPI', 'Spring Boot', 'Go net/http', 'Rust axum']) {
    assert.equal(await page.getByRole('heading', { name: fw, exact: true }).count(), 1, fw);
  }
  await page.getByRole('link', { name: 'Try it live' }).click();
  const status = page.getByTestId('status');
  await status.waitFor();
  assert.match(await status.textContent(), /^401 Unauthorized/);
  assert.match(await page.getByLabel('URL', { exact: true }).inputValue(), /\/api\/status\/401$/);
  // The reference sits beside the response, with the meaning loaded on demand.
  await page.getByRole('complementary', { name: 'About 401' }).getByText(/authentication/).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('Try it live explains what the browser cannot show (1xx, 3xx, 407)', async () => {
  const { page, context } = await open(browser, '/?try=103');
  await page.getByTestId('status').waitFor();
  assert.match(await page.getByTestId('status').textContent(), /^200/);
  assert.match(await page.locator('.notes').textContent(), /103 Early Hints is never a final response/);

  await page.goto(`${new URL(page.url()).origin}/?try=302`);
  await page.getByTestId('status').waitFor();
  assert.match(await page.getByTestId('status').textContent(), /^200/);
  assert.match(await page.locator('.notes').textContent(), /followed a redirect/);
  await page.getByTestId('server-record').waitFor();
  const hops = await page.getByTestId('server-status').allTextContents();
  assert.deepEqual(hops.map((h) => h.slice(0, 3)), ['302', '200']);

  await page.goto(`${new URL(page.url()).origin}/?try=407`);
  await page.getByTestId('error').waitFor();
  await page.getByTestId('server-record').waitFor();
  assert.match(await page.getByTestId('server-status').first().textContent(), /^407/);
  await context.close();
});

test('Try it live works from every code page', async () => {
  const res = await fetch(`${process.env.STATUSLAB_URL || 'http://127.0.0.1:8080'}/codes/4xx.json`);
  assert.equal(res.status, 200);
  const { page, context } = await open(browser, '/status');
  const links = await page.locator('.code-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length >= 73, `${links.length} codes listed`);
  for (const href of links) {
    await page.goto(new URL(href, page.url()).href);
    const tryIt = page.getByRole('link', { name: 'Try it live' });
    await tryIt.waitFor();
    const code = href.split('/').pop();
    assert.equal(await tryIt.getAttribute('href'), `/?try=${code}`);
  }
  await context.close();
});

test('an unknown code page says so', async () => {
  const { page, context } = await open(browser, '/status/999');
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').textContent(), /not a status code/);
  await context.close();
});
