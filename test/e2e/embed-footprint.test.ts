// No footprint: besides its host element (and `window.chatlet` for the script tag) the widget adds no
// globals, no CSS or elements in <head>, no body/html attributes, no listeners on window, document,
// navigation or the viewport that outlive it, and no timers; destroy() takes every trace away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import {
  bundleApp,
  launchBrowser,
  launcherOf,
  openAndSend,
  recordSockets,
  removeDir,
  sandbox,
  sandboxVars,
  startStaticServer,
  type StaticServer,
} from './helpers';
import { instrument, snapshot } from './footprint';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;
let bundle: string;

beforeAll(async () => {
  server = await sandbox();
  bundle = await bundleApp('test/e2e/pages/npm-app.js');
  site = await startStaticServer({ vars: sandboxVars(server), mounts: { '/npm/': bundle } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  if (bundle) removeDir(bundle);
});

async function openPage(path: string) {
  const page = await browser.newPage();
  await page.addInitScript(instrument);
  const cdp = await page.context().newCDPSession(page);
  const sockets = recordSockets(page);
  await page.goto(site.url + path);
  return { page, cdp, sockets };
}

/** Opens the chat, sends a message, changes route, minimizes and opens again. */
async function useTheChat(page: Page, sockets: ReturnType<typeof recordSockets>) {
  await openAndSend(page, sockets, 'Leaving no trace');
  await page.evaluate(() => history.pushState({}, '', '/elsewhere'));
  await sockets.waitFor('update_customer_page');
  const toggle = page.locator('chatlet-widget button.launch');
  await toggle.click();
  await page.locator('chatlet-widget .panel').waitFor({ state: 'hidden' });
  await toggle.click();
}

describe('footprint', () => {
  it('npm: create → use → destroy leaves the page exactly as it was', async () => {
    const { page, cdp, sockets } = await openPage('/npm.html');
    await page.waitForFunction(() => 'harness' in window);
    await page.waitForTimeout(200);
    const before = await snapshot(page, cdp);
    expect(before.timers).toBe(0);

    const config = { licenseId: 12345, apiUrl: server.wsUrl, accountsUrl: server.url };
    const index = await page.evaluate((c) => (window as any).harness.create(c), config);
    await useTheChat(page, sockets);
    const during = await snapshot(page, cdp);
    expect(during.globals).toEqual(before.globals);
    expect(during.head).toBe(before.head);
    expect(during.body).toEqual([...before.body, 'chatlet-widget']);
    expect(during.attributes).toEqual(before.attributes);
    expect(during.sheets).toEqual(before.sheets);
    // The listeners a running chat needs (reconnect on online, page tracking, phone viewport) exist now…
    expect(during.listeners.window).toContain('online');
    expect(during.listeners.navigation).toEqual(['currententrychange']);
    expect(during.timers).toBeGreaterThan(0);

    await page.evaluate((i) => (window as any).harness.call(i, 'destroy'), index);
    await expect.poll(() => sockets.sockets.every((s) => s.isClosed())).toBe(true);
    await page.waitForTimeout(300);
    // …and destroy() removed them, with every element, timer and socket.
    expect(await snapshot(page, cdp)).toEqual(before);
    await page.close();
  });

  it('script tag: adds only window.chatlet, and destroy leaves nothing else', async () => {
    const { page, cdp, sockets } = await openPage('/script-tag.html');
    await launcherOf(page).waitFor();
    await useTheChat(page, sockets);
    const during = await snapshot(page, cdp);
    expect(during.globals).toEqual(['chatlet']);
    expect(during.body).toEqual(['h1', 'p', 'script', 'chatlet-widget']);
    expect(during.head).not.toMatch(/chatlet|<style/);

    await page.evaluate(() => (window as any).chatlet('destroy'));
    await expect.poll(() => sockets.sockets.every((s) => s.isClosed())).toBe(true);
    await page.waitForTimeout(300);
    const after = await snapshot(page, cdp);
    expect(after.globals).toEqual(['chatlet']);
    expect(after.body).toEqual(['h1', 'p', 'script']);
    expect(after.timers).toBe(0);
    expect(after.attributes).toEqual([['lang=en'], []]);
    expect(after.sheets).toEqual([1, 0]);
    await page.close();
  });
});
