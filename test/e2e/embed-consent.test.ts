// consent: 'on-interaction': no socket, no cookie, no storage write (and no token request) until the
// visitor opens the widget, even after hovering loaded the chat's code.
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

describe('consent on interaction', () => {
  it('opens no socket and writes no storage or cookie before the first click', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sockets = recordSockets(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const storage = () =>
      page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie }));

    await page.goto(site.url + '/consent.html');
    const chunk = page.waitForResponse((r) => r.url().includes('chatlet-embed.mjs'));
    await launcherOf(page).hover();
    await chunk;
    await page.waitForTimeout(500);
    expect(sockets.sockets).toHaveLength(0);
    expect(requests).not.toContain('/customer/token');
    expect(await storage()).toEqual({ local: [], session: [], cookie: '' });
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => (window as any).chatlet('get', 'state'))).toMatchObject({ visibility: 'minimized' });

    await launcherOf(page).click();
    await sockets.waitFor('login');
    await page.locator('chatlet-widget .panel').waitFor({ state: 'visible' });
    expect(requests).toContain('/customer/token');
    expect(await context.cookies()).not.toEqual([]);
    await context.close();
  });
});
