// CORS in the playground: the prediction before sending and the diagnosis after a block.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, open, send, urlBox } from './harness.mjs';

const CROSS = BASE.replace('127.0.0.1', 'localhost');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('before sending: preflight reasons and dropped headers', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${CROSS}/api/status/200`);
  await page.getByLabel('Method', { exact: true }).fill('PUT');
  await page.getByRole('button', { name: 'Add header', exact: true }).click();
  await page.getByLabel('Header name', { exact: true }).last().fill('X-Token');
  await page.getByLabel('Header value', { exact: true }).last().fill('abc');
  await page.getByRole('button', { name: 'Add header', exact: true }).click();
  await page.getByLabel('Header name', { exact: true }).last().fill('Cookie');
  await page.getByLabel('Header value', { exact: true }).last().fill('a=1');
  const p = page.getByTestId('prediction');
  assert.match(await p.textContent(), /Cross-origin with a preflight/);
  const reasons = await page.getByTestId('preflight-reasons').textContent();
  assert.match(reasons, /method `?PUT`? is not CORS-safelisted/);
  assert.match(reasons, /x-token/);
  assert.match(await page.getByTestId('dropped-headers').textContent(), /Cookie.*forbidden/);
  await urlBox(page).fill(`${BASE}/api/status/200`);
  assert.match(await p.textContent(), /Same-origin/);
  await context.close();
});

test('after a CORS block: the exact diagnosis from the simulator record', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${CROSS}/api/status/200?cors=none`);
  await send(page);
  await page.getByTestId('error').waitFor();
  const d = page.getByTestId('cors-diagnosis');
  await d.waitFor();
  assert.equal(await page.getByTestId('cors-error').textContent(), 'MissingAllowOriginHeader');
  assert.match(await d.textContent(), /Access-Control-Allow-Origin/);
  assert.match(await d.textContent(), /Exact/);
  await context.close();
});

test('a failed preflight is named, with the invisible preflight shown', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${CROSS}/api/status/200?allow-methods=GET`);
  await page.getByLabel('Method', { exact: true }).fill('DELETE');
  await send(page);
  await page.getByTestId('cors-diagnosis').waitFor();
  assert.equal(await page.getByTestId('cors-error').textContent(), 'MethodDisallowedByPreflightResponse');
  assert.match(await page.getByTestId('server-record').textContent(), /preflight/i);
  await context.close();
});

test('a readable cross-origin response says which headers the page cannot see', async () => {
  const { page, context } = await open(browser);
  await urlBox(page).fill(`${CROSS}/api/status/401?cors=no-expose`);
  await send(page);
  await page.getByTestId('status').waitFor();
  await page.getByTestId('server-record').waitFor();
  const notes = await page.locator('.notes').textContent();
  assert.match(notes, /cannot read/);
  assert.match(notes, /www-authenticate/);
  // The 401 rule cannot see WWW-Authenticate: it says so at info, it does not claim it is missing.
  const f = page.locator('[data-testid=finding][data-code=STA001]');
  assert.equal(await f.getAttribute('data-severity'), 'info');
  await context.close();
});
