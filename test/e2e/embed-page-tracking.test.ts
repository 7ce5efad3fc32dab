// Route changes of an SPA become update_customer_page frames: automatically (Navigation API, nothing
// patched), once per distinct page, and from `update_page` calls, which turn the automatic tracking off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { launchBrowser, launcherOf, recordSockets, sandbox, sandboxVars, startStaticServer, type StaticServer } from './helpers';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;

beforeAll(async () => {
  server = await sandbox();
  site = await startStaticServer({ vars: sandboxVars(server) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

describe('page tracking', () => {
  it('sends update_customer_page on route changes, then follows update_page calls only', async () => {
    const page = await browser.newPage();
    const sockets = recordSockets(page);
    const pages = () => sockets.sent.filter((f) => f.action == 'update_customer_page').map((f) => f.payload);
    await page.goto(site.url + '/spa.html');
    await launcherOf(page).click();
    const login = await sockets.waitFor('login');
    expect(login.payload.customer_page).toEqual({ url: site.url + '/spa.html', title: 'Home' });
    await page.locator('chatlet-widget .panel').waitFor({ state: 'visible' });
    // Let the login's resync settle, so the client is online when the route changes.
    await page.waitForTimeout(300);

    await page.getByText('Pricing').click();
    await sockets.waitFor('update_customer_page', (p) => p.url.endsWith('/pricing'));
    await page.getByText('Docs').click();
    await sockets.waitFor('update_customer_page', (p) => p.url.endsWith('/docs/start'));
    await page.goBack();
    await expect.poll(pages).toHaveLength(3);
    await page.evaluate(() => history.replaceState(history.state, '', location.href));
    await page.waitForTimeout(400);
    expect(pages()).toEqual([
      { url: site.url + '/pricing', title: 'Pricing' },
      { url: site.url + '/docs/start', title: 'Docs' },
      { url: site.url + '/pricing', title: 'Pricing' },
    ]);
    // Nothing global was patched to see those changes.
    expect(await page.evaluate(() => [history.pushState, history.replaceState].map(String))).toEqual([
      'function pushState() { [native code] }',
      'function replaceState() { [native code] }',
    ]);

    await page.evaluate(() => (window as any).chatlet('update_page', { url: 'https://shop.example/checkout', title: 'Checkout' }));
    await sockets.waitFor('update_customer_page', (p) => p.url == 'https://shop.example/checkout');
    await page.getByText('Docs').click();
    await page.waitForTimeout(400);
    expect(pages()).toHaveLength(4);
    expect(pages()[3]).toEqual({ url: 'https://shop.example/checkout', title: 'Checkout' });
    await page.close();
  });
});
