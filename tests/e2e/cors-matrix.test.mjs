// CORS as Chromium really does it: a matrix of requests against the cross-origin simulator
// (page on 127.0.0.1, simulator reached as localhost: same server, different origin). For every
// case, what Chromium did — whether a preflight reached the server (the exchange record), whether
// fetch() resolved, which headers were readable, and Chromium's own CorsError read through the
// DevTools protocol — must equal the verdict of `statuslab cors` and of the same Rust code running
// as wasm inside the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BASE, launch, open } from './harness.mjs';

const BIN = process.env.STATUSLAB_BIN || 'target/debug/statuslab';
const CROSS = BASE.replace('127.0.0.1', 'localhost');

// [name, method, headers, credentials, mode, query knobs]
const CASES = [
  ['simple GET, reflect', 'GET', {}, 'omit', 'cors', ''],
  ['simple GET, no CORS headers', 'GET', {}, 'omit', 'cors', 'cors=none'],
  ['simple GET, wildcard', 'GET', {}, 'omit', 'cors', 'cors=wildcard'],
  ['credentialed GET, wildcard', 'GET', {}, 'include', 'cors', 'cors=wildcard'],
  ['credentialed GET, wildcard + credentials', 'GET', {}, 'include', 'cors', 'cors=wildcard-credentials'],
  ['uncredentialed GET, wildcard + credentials', 'GET', {}, 'omit', 'cors', 'cors=wildcard-credentials'],
  ['GET, mismatched origin', 'GET', {}, 'omit', 'cors', 'cors=mismatch'],
  ['GET, two origins', 'GET', {}, 'omit', 'cors', 'cors=multiple-origins'],
  ['GET, reflect without expose', 'GET', {}, 'omit', 'cors', 'cors=no-expose'],
  ['credentialed GET, reflect', 'GET', {}, 'include', 'cors', ''],
  ['GET, expose one header', 'GET', {}, 'omit', 'cors', 'expose=X-Content-Type-Options'],
  ['GET, expose *', 'GET', {}, 'omit', 'cors', 'expose=*'],
  ['credentialed GET, expose * (literal)', 'GET', {}, 'include', 'cors', 'expose=*'],
  ['POST text/plain, reflect', 'POST', { 'Content-Type': 'text/plain' }, 'omit', 'cors', ''],
  ['POST JSON needs a preflight', 'POST', { 'Content-Type': 'application/json' }, 'omit', 'cors', ''],
  ['POST JSON, no CORS headers', 'POST', { 'Content-Type': 'application/json' }, 'omit', 'cors', 'cors=none'],
  ['PUT, reflect', 'PUT', {}, 'omit', 'cors', ''],
  ['PUT, preflight 403', 'PUT', {}, 'omit', 'cors', 'preflight-status=403'],
  ['PUT, preflight allows only GET', 'PUT', {}, 'omit', 'cors', 'allow-methods=GET'],
  ['PUT, preflight allows *', 'PUT', {}, 'omit', 'cors', 'allow-methods=*'],
  ['credentialed PUT, preflight allows * (literal)', 'PUT', {}, 'include', 'cors', 'allow-methods=*'],
  ['DELETE, reflect', 'DELETE', {}, 'omit', 'cors', ''],
  ['PATCH, reflect', 'PATCH', {}, 'omit', 'cors', ''],
  ['DELETE, wildcard origin', 'DELETE', {}, 'omit', 'cors', 'cors=wildcard'],
  ['credentialed DELETE, wildcard origin', 'DELETE', {}, 'include', 'cors', 'cors=wildcard'],
  ['custom header, reflect', 'GET', { 'X-Token': 'abc' }, 'omit', 'cors', ''],
  ['custom header, preflight allows another', 'GET', { 'X-Token': 'abc' }, 'omit', 'cors', 'allow-headers=X-Other'],
  ['custom header, preflight allows *', 'GET', { 'X-Token': 'abc' }, 'omit', 'cors', 'allow-headers=*'],
  ['credentialed custom header, preflight allows * (literal)', 'GET', { 'X-Token': 'abc' }, 'include', 'cors', 'allow-headers=*'],
  ['Authorization, preflight allows * (never covers it)', 'GET', { Authorization: 'Bearer t' }, 'omit', 'cors', 'allow-headers=*'],
  ['Authorization, preflight lists it', 'GET', { Authorization: 'Bearer t' }, 'omit', 'cors', 'allow-headers=Authorization'],
  ['custom header, preflight mismatch origin', 'GET', { 'X-Token': 'abc' }, 'omit', 'cors', 'cors=mismatch'],
  ['custom header, preflight without CORS headers', 'GET', { 'X-Token': 'abc' }, 'omit', 'cors', 'cors=none'],
  ['PUT, preflight 500', 'PUT', {}, 'omit', 'cors', 'preflight-status=500'],
  ['PUT, preflight 200', 'PUT', {}, 'omit', 'cors', 'preflight-status=200'],
  ['safelisted Accept-Language', 'GET', { 'Accept-Language': 'en-US' }, 'omit', 'cors', 'cors=none'],
  ['Content-Language with a bad byte needs a preflight', 'GET', { 'Content-Language': 'en_US' }, 'omit', 'cors', 'cors=none'],
  ['long Accept value needs a preflight', 'GET', { Accept: 'a'.repeat(129) }, 'omit', 'cors', ''],
  ['simple Range is safelisted', 'GET', { Range: 'bytes=0-9' }, 'omit', 'cors', 'cors=none'],
  ['no-cors GET: opaque', 'GET', {}, 'omit', 'no-cors', 'cors=none'],
  ['no-cors POST with a custom header (dropped)', 'POST', { 'X-Token': 'abc' }, 'omit', 'no-cors', ''],
  ['no-cors PUT throws', 'PUT', {}, 'omit', 'no-cors', ''],
  ['same-origin mode, cross-origin URL', 'GET', {}, 'omit', 'same-origin', ''],
  ['credentialed POST JSON, reflect', 'POST', { 'Content-Type': 'application/json' }, 'include', 'cors', ''],
  ['credentialed GET, no-expose', 'GET', {}, 'include', 'cors', 'cors=no-expose'],
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function statuslabCors(input) {
  const out = execFileSync(BIN, ['cors'], { input: JSON.stringify(input) });
  return JSON.parse(out.toString());
}

test(`CORS matrix: ${CASES.length} cases, prediction = statuslab cors = wasm = Chromium`, async () => {
  assert.ok(CASES.length >= 40);
  const { page, context } = await open(browser, '/');
  await page.waitForFunction(() => window.statuslabViews && window.statuslabViews.cors_evaluate);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  const corsErrors = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFailed', (e) => {
    const url = urls.get(e.requestId) || '';
    const rid = new URL(url, BASE).searchParams.get('rid');
    if (rid && e.corsErrorStatus) corsErrors.set(rid, e.corsErrorStatus.corsError);
  });
  const mismatches = [];
  let i = 0;
  for (const [name, method, headers, credentials, mode, knobs] of CASES) {
    const rid = `matrix${Date.now()}x${i++}`;
    const url = `${CROSS}/api/status/200?rid=${rid}${knobs ? '&' + knobs : ''}`;
    const body = method === 'GET' || method === 'HEAD' ? undefined : 'hello';
    const got = await page.evaluate(async ({ url, init }) => {
      try {
        const r = await fetch(url, init);
        return { resolved: true, status: r.status, type: r.type, headers: [...r.headers.keys()].sort() };
      } catch (e) {
        return { resolved: false, error: String(e) };
      }
    }, { url, init: { method, headers, credentials, mode, body } });
    await page.waitForTimeout(50); // let loadingFailed arrive
    const record = await (await fetch(`${BASE}/api/exchanges/${rid}`)).json().catch(() => ({ exchanges: [] }));
    const exchanges = record.exchanges || [];
    const pre = exchanges.find((x) => x.kind === 'preflight');
    const actual = exchanges.find((x) => x.kind === 'request');
    const chromium = {
      preflight_reached: !!pre,
      resolved: got.resolved,
      cors_error: corsErrors.get(rid) ?? null,
      readable: got.resolved && got.type !== 'opaque' ? got.headers : [],
    };
    const input = {
      page_origin: BASE, url, method, headers: Object.entries(headers), mode, credentials,
      preflight_response: pre ? { status: pre.response.status, headers: pre.response.headers } : null,
      response: actual ? { status: actual.response.status, headers: actual.response.headers } : null,
    };
    const cli = statuslabCors(input);
    const wasm = JSON.parse(await page.evaluate((j) => window.statuslabViews.cors_evaluate(j), JSON.stringify(input)));
    const predicted = {
      preflight_reached: cli.preflight_required,
      resolved: cli.response.ok,
      cors_error: cli.cors_error,
      readable: cli.readable_headers,
    };
    if (JSON.stringify(predicted) !== JSON.stringify(chromium)) mismatches.push(`${name}:\n  chromium ${JSON.stringify(chromium)}\n  predicted ${JSON.stringify(predicted)}`);
    if (JSON.stringify(wasm) !== JSON.stringify(cli)) mismatches.push(`${name}: the wasm verdict differs from the CLI's`);
  }
  assert.deepEqual(mismatches, [], mismatches.join('\n'));
  await context.close();
});
