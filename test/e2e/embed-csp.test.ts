// Pages under a strict Content-Security-Policy: no 'unsafe-inline' anywhere, and a nonce-only policy.
// The widget must load, open and chat without a single violation.
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

describe.each(['/csp.html', '/csp-nonce.html'])('under the CSP of %s', (path) => {
  it('loads, opens and sends a message with no violation reported', async () => {
    const page = await browser.newPage();
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
    if (path == '/csp.html') expect(background).toBe('rgb(0, 170, 119)');
    expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
    expect(reports).toEqual([]);
    await page.close();
  });
});
