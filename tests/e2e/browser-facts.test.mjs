// What rule messages claim Chromium does, checked in Chromium (the simulator sends the headers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// `invalid-clear-site-data` (SEC026): types must be quoted and match exactly; Chromium skips a
// member that does not (the specification's parser would reject the whole field), and applies
// the others. 127.0.0.1 is a secure context, where the header is honoured.
for (const [value, cleared] of [
  ['"cookies"', true],
  ['cookies', false],
  ['"Cookies"', false],
  ['"cookies", storage', true],
  ['storage, "cookies"', true],
]) {
  test(`Clear-Site-Data: ${value} ${cleared ? 'clears' : 'does not clear'} the cookies`, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${BASE}/api/status/200`);
      const after = await page.evaluate(async (v) => {
        document.cookie = 'csd=1; path=/';
        if (document.cookie !== 'csd=1') throw new Error(`cookie not set: ${document.cookie}`);
        const res = await fetch('/api/status/200?set=' + encodeURIComponent(`Clear-Site-Data:${v}`));
        await res.text();
        return document.cookie;
      }, value);
      assert.equal(after, cleared ? '' : 'csd=1');
    } finally {
      await context.close();
    }
  });
}

// `invalid-content-disposition` (HDR058): a comma outside quotes makes Chromium fail the whole
// response (ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION); quoted, the same name is fine.
for (const [value, fails] of [
  ['attachment; filename=report.pdf', false],
  ['attachment; filename=Report, Q3.pdf', true],
  ['attachment; filename="Report, Q3.pdf"', false],
  ["attachment; filename*=UTF-8''Report%2C%20Q3.pdf", false],
]) {
  test(`Content-Disposition: ${value} ${fails ? 'fails' : 'does not fail'} the response`, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${BASE}/api/status/200`);
      const outcome = await page.evaluate(async (v) => {
        try {
          const res = await fetch('/api/status/200?set=' + encodeURIComponent(`Content-Disposition:${v}`));
          await res.text();
          return `status ${res.status}`;
        } catch (e) {
          return `network error: ${e.message}`;
        }
      }, value);
      if (fails) assert.match(outcome, /^network error/);
      else assert.equal(outcome, 'status 200');
    } finally {
      await context.close();
    }
  });
}
