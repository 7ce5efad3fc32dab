// Pages under a strict Content-Security-Policy: no 'unsafe-inline' anywhere, and a nonce-only policy.
// The widget must load, open and chat without a single violation. It starts its one worker (date
// formatting prepared off the main thread) only where the policy allows `blob:` workers or nobody
// said otherwise: told `data-workers="false"`, or given a nonce, it starts none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { launchBrowser, launcherOf, recordSockets, sandbox, sandboxVars, startStaticServer, type StaticServer } from './helpers';

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

describe.each([
  ['/csp.html', 0],
  ['/csp-nonce.html', 0],
  ['/csp-worker.html', 1],
])('under the CSP of %s', (path, workers) => {
  it(`loads, opens and sends a message with no violation reported, and starts ${workers} worker(s)`, async () => {
    const page = await browser.newPage();
    const started: string[] = [];
    page.on('worker', (w) => started.push(w.url()));
    const reports: string[] = [];
    page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && reports.push(m.text()));
    page.on('pageerror', (e) => reports.push(String(e)));
    // Evaluated by the DevTools protocol, so the policy does not block the listener itself.
    await page.addInitScript(() => {
      (window as any).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as any).violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    const sockets = recordSockets(page);
    await page.goto(site.url + path);
    await launcherOf(page).click();
    await sockets.waitFor('login');
    const input = page.locator('chatlet-widget textarea');
    await input.waitFor({ state: 'visible' });
    await input.fill('Hello under CSP');
    await input.press('Enter');
    await sockets.waitFor('start_chat');
    await page.locator('chatlet-widget').getByText('Hello under CSP').waitFor();
    // The launcher kept its accent colour: the theme reached the shadow root as a stylesheet.
    const background = await page.locator('chatlet-widget .launch').evaluate((b) => getComputedStyle(b).backgroundColor);
    if (path != '/csp-nonce.html') expect(background).toBe('rgb(0, 170, 119)');
    expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
    expect(reports).toEqual([]);
    expect(started.length).toBe(workers);
    await page.close();
  });
});
