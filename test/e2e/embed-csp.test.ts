// Pages under a strict Content-Security-Policy: no 'unsafe-inline' anywhere, and a nonce-only policy.
// The widget must load, open and chat without a single violation. It starts its two workers (the
// socket, and date formatting prepared off the main thread) only where the policy allows `blob:`
// workers or nobody said otherwise: told `data-workers="false"`, or given a nonce, it starts none.
// Where nobody said so and the policy refuses them, the chat still works, on the page's own socket.
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
      '/csp-refused.html': { 'Content-Security-Policy': "script-src 'self'; style-src 'self'" },
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
  // Evaluated by the DevTools protocol, so the policy does not block the listener itself. Counts the
  // sockets the page itself makes (not those of a worker).
  await page.addInitScript(() => {
    const w = window as any;
    w.violations = [];
    w.pageSockets = 0;
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    w.WebSocket = class extends WebSocket {
      constructor(url: string) {
        super(url);
        w.pageSockets++;
      }
    };
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
  const { violations, pageSockets } = await page.evaluate(() => ({ violations: (window as any).violations, pageSockets: (window as any).pageSockets }));
  await page.close();
  return { background, violations: violations as string[], pageSockets: pageSockets as number, reports, started };
}

describe.each([
  ['/csp.html', 0],
  ['/csp-nonce.html', 0],
  ['/csp-worker.html', 2],
])('under the CSP of %s', (path, workers) => {
  it(`loads, opens and sends a message with no violation reported, and starts ${workers} worker(s)`, async () => {
    const seen = await chatUnder(path);
    if (path != '/csp-nonce.html') expect(seen.background).toBe('rgb(0, 170, 119)');
    expect(seen.violations).toEqual([]);
    expect(seen.reports).toEqual([]);
    expect(seen.started.length).toBe(workers);
    // With workers the socket is the worker's; without, the page's.
    expect(seen.pageSockets).toBe(workers ? 0 : 1);
  });
});

it('chats on the page’s own socket where the policy refuses the blob: workers nobody said to leave out', async () => {
  const seen = await chatUnder('/csp-refused.html');
  expect(seen.background).toBe('rgb(0, 170, 119)');
  expect(seen.pageSockets).toBe(1);
  // Each refusal is of a blob: worker, and there is nothing else.
  expect(seen.violations.length).toBeGreaterThan(0);
  for (const v of seen.violations) expect(v).toMatch(/^(worker|script)-src(-elem)? blob /);
});
