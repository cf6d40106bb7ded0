// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core.
import { chromium } from '../../tools/node_modules/playwright-core/index.mjs';

export const BASE = process.env.STATUSLAB_URL || 'http://127.0.0.1:8080';

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs],
  });
}

/** The simulator under a host name that is not potentially trustworthy: `insecure.test`, which
 *  a browser from `launch(INSECURE_HOST_ARGS)` resolves to the simulator's address. */
export const INSECURE_BASE = (() => {
  const u = new URL(BASE);
  u.hostname = 'insecure.test';
  return u.origin;
})();
export const INSECURE_HOST_ARGS = [`--host-resolver-rules=MAP insecure.test ${new URL(BASE).hostname}`];

/** Opens a page and collects console errors, page errors and CSP violations. */
export async function open(browser, path = '/') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Chromium logs every non-2xx fetch as "Failed to load resource": that is the inspector's job,
  // not an app error. Everything else on the console counts.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  await page.goto(BASE + path);
  await page.locator('main').first().waitFor({ timeout: 15000 });
  return { page, context, problems };
}

export const send = (page) => page.getByRole('button', { name: 'Send', exact: true }).click();
export const urlBox = (page) => page.getByLabel('URL', { exact: true });
