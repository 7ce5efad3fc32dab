// Pages under a strict Content-Security-Policy: no 'unsafe-inline' anywhere, and a nonce-only policy.
// The widget must load, open and chat without a single violation. It starts its one worker (date
// formatting prepared off the main thread) only where the policy allows `blob:` workers or nobody
// said otherwise: told `data-workers="false"`, or given a nonce, it starts none. Where nobody said so
// and the policy refuses it, the chat works all the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { launchBrowser, openAndSend, recordSockets, sandbox, sandboxVars, startStaticServer, type StaticServer } from './helpers';

const NONCE = 'c2VjcmV0LW5vbmNl';
let browser: Browser;
let server: Sandbox;
let site: StaticServer;

beforeAll(async () => {
  server = await sandbox();
  site = await startStaticServer({
    vars: { ...sandboxVars(server), NONCE },
    headers: {
      '/csp.html': { 'Content-Security-Policy': "script-src 'self'; style-src 'self'" },
      '/csp-worker.html': { 'Content-Security-Policy': "script-src 'self'; style-src 'self'; worker-src blob:" },
      // The page that allows blob: workers, served again under a policy that refuses them.
      '/csp-worker.html?refused': { 'Content-Security-Policy': "script-src 'self'; style-src 'self'" },
      '/csp-nonce.html': { 'Content-Security-Policy': `script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'` },
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

/** Opens the widget on `path`, sends a message and sees it on screen; what the page saw meanwhile. */
async function chatUnder(path: string) {
  const page = await browser.newPage();
  const started: string[] = [];
  page.on('worker', (w) => started.push(w.url()));
  const reports: string[] = [];
  page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && reports.push(m.text()));
  page.on('pageerror', (e) => reports.push(String(e)));
  // Evaluated by the DevTools protocol, so the policy does not block the listener itself.
  await page.addInitScript(() => {
    const w = window as any;
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const sockets = recordSockets(page);
  await page.goto(site.url + path);
  await openAndSend(page, sockets, 'Hello under CSP');
  await page.locator('chatlet-widget').getByText('Hello under CSP').waitFor();
  // The launcher kept its accent colour: the theme reached the shadow root as a stylesheet.
  const background = await page.locator('chatlet-widget .launch').evaluate((b) => getComputedStyle(b).backgroundColor);
  const violations: string[] = await page.evaluate(() => (window as any).violations);
  await page.close();
  return { background, violations, reports, started };
}

describe.each([
  ['/csp.html', 0],
  ['/csp-nonce.html', 0],
  ['/csp-worker.html', 1],
])('under the CSP of %s', (path, workers) => {
  it(`loads, opens and sends a message with no violation reported, and starts ${workers} worker(s)`, async () => {
    const seen = await chatUnder(path);
    if (path != '/csp-nonce.html') expect(seen.background).toBe('rgb(0, 170, 119)');
    expect(seen.violations).toEqual([]);
    expect(seen.reports).toEqual([]);
    expect(seen.started.length).toBe(workers);
  });
});

it('chats all the same where the policy refuses the blob: worker nobody said to leave out', async () => {
  const seen = await chatUnder('/csp-worker.html?refused');
  expect(seen.background).toBe('rgb(0, 170, 119)');
  // Each refusal is of a blob: worker, and there is nothing else.
  expect(seen.violations.length).toBeGreaterThan(0);
  for (const v of seen.violations) expect(v).toMatch(/^(worker|script)-src(-elem)? blob /);
});
