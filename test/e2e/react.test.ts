// `chatlet/react` in Chromium against the sandbox, with React 18 and React 19: <ChatWidget> mounts
// the widget, applies prop changes without a new one, calls the latest handlers; the hooks follow
// visibility, new events, unread messages and the customer; StrictMode's double mount and quick
// route changes leave one widget; unmounting leaves no trace on the page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../demo/sandbox/server';
import { loginAgent, web } from '../sandbox/agent-helpers';
import { instrument, snapshot } from './footprint';
import { bundleApp, launchBrowser, recordSockets, removeDir, sandbox, startStaticServer, type StaticServer } from './helpers';

const VERSIONS = ['18', '19'] as const;
const HTML = '<!doctype html><html lang="en"><meta charset="utf-8"><title>React app</title><div id="root"></div><script type="module" src="react-app.js"></script>';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;
const bundles: string[] = [];

beforeAll(async () => {
  server = await sandbox();
  const mounts: Record<string, string> = {};
  for (const v of VERSIONS) {
    const dir = await bundleApp('test/e2e/pages/react-app.js', {
      alias: { react: `node_modules/react-${v}`, 'react-dom': `node_modules/react-dom-${v}`, 'chatlet/react': 'dist/react.mjs' },
    });
    writeFileSync(join(dir, 'index.html'), HTML);
    bundles.push(dir);
    mounts[`/react${v}/`] = dir;
  }
  site = await startStaticServer({ mounts });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
  bundles.forEach(removeDir);
});

const config = () => ({ licenseId: 12345, apiUrl: server.wsUrl, accountsUrl: server.url });
type Hooks = { widget: boolean; isReady: boolean; state: any; chatData: any; customerData: any; greeting: any; unread: number } | null;

describe.each(VERSIONS)('React %s', (version) => {
  async function open(options: { footprint?: boolean } = {}) {
    const page = await browser.newPage();
    if (options.footprint) await page.addInitScript(instrument);
    const errors: string[] = [];
    page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const sockets = recordSockets(page);
    await page.goto(`${site.url}/react${version}/index.html`);
    await page.waitForFunction(() => 'harness' in window);
    expect(await page.evaluate(() => (window as any).harness.version)).toMatch(new RegExp(`^${version}\\.`));
    const set = (patch: object) => page.evaluate((p) => (window as any).harness.set(p), patch);
    const hooks = (id: 'inside' | 'outside') => page.evaluate((i) => (window as any).harness.hooks(i) as Hooks, id);
    const until = (id: 'inside' | 'outside', test: (h: NonNullable<Hooks>) => boolean) =>
      expect.poll(async () => { const h = await hooks(id); return !!h && test(h); }, { timeout: 10_000 }).toBe(true);
    const logged = () => page.evaluate(() => (window as any).harness.log as [string, string, any][]);
    return { page, errors, sockets, set, hooks, until, logged };
  }
  const hosts = (page: Page) => page.locator('chatlet-widget').count();
  // Counts the widget hosts ever added to the page, in `window.hostsAdded`.
  const countHosts = (page: Page) =>
    page.evaluate(() => {
      (window as any).hostsAdded = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeName == 'CHATLET-WIDGET') (window as any).hostsAdded++;
      }).observe(document.body, { childList: true });
    });

  it('mounts the widget; its props and hooks follow the chat; a new handler is called without a new widget', async () => {
    const { page, errors, sockets, set, hooks, until, logged } = await open();
    expect(await hooks('outside')).toEqual({ widget: false, isReady: false, state: null, chatData: null, customerData: null, greeting: null, unread: 0 });

    await set({ widget: true, props: { ...config(), customerName: 'Ann' } });
    await until('outside', (h) => h.widget);
    // Before the chat loads the hooks already answer, inside <ChatWidget> and outside it alike.
    expect(await hooks('inside')).toEqual(await hooks('outside'));
    expect(await hooks('inside')).toMatchObject({ isReady: false, state: { availability: 'offline', visibility: 'minimized' }, customerData: { name: 'Ann' } });
    expect(await hosts(page)).toBe(1);
    await page.evaluate(() => ((document.querySelector('chatlet-widget') as any).mark = 'the first'));

    // visibility applies without a new widget; the hooks and the handler see the change.
    await set({ props: { visibility: 'maximized' } });
    await until('inside', (h) => h.isReady && h.state.visibility == 'maximized');
    expect((await logged()).filter(([, name]) => name == 'onVisibilityChanged').map(([, , p]) => p)).toEqual([{ visibility: 'maximized' }]);
    await sockets.waitFor('login');

    // The visitor writes: a chat, and the customer is chatting.
    const composer = page.locator('chatlet-widget textarea');
    await composer.fill('Hello from React');
    await composer.press('Enter');
    await until('inside', (h) => !!h.chatData?.chatId && /queued|chatting/.test(h.customerData.status) && h.customerData.id != '');
    const { chatId } = (await hooks('inside'))!.chatData;
    expect((await logged()).some(([tag, name, p]) => tag == 'first' && name == 'onNewEvent' && p.author.type == 'customer')).toBe(true);

    // New handlers (every render makes new ones; this one is tagged "second"): the next event goes to it only.
    await set({ tag: 'second' });
    const before = (await logged()).length;
    expect((await web(server, 'send_event', { chat_id: chatId, event: { type: 'message', text: 'Hi Ann', recipients: 'all' } })).status).toBe(200);
    await expect.poll(async () => (await logged()).slice(before).some(([, name]) => name == 'onNewEvent')).toBe(true);
    expect((await logged()).slice(before).filter(([, name]) => name == 'onNewEvent').map(([tag]) => tag)).toEqual(['second']);

    // Minimized, an agent's message is unread, in both hooks.
    await set({ props: { visibility: 'minimized' } });
    await page.locator('chatlet-widget .panel').waitFor({ state: 'hidden' });
    await web(server, 'send_event', { chat_id: chatId, event: { type: 'message', text: 'Still there?', recipients: 'all' } });
    await until('inside', (h) => h.unread == 1);
    await until('outside', (h) => h.unread == 1);

    // A new name is sent, and the hook shows it at once.
    await set({ props: { customerName: 'Ann Lee' } });
    await until('inside', (h) => h.customerData.name == 'Ann Lee');
    await sockets.waitFor('update_customer', (p) => p.name == 'Ann Lee');
    // So are a new email and new session variables; with the next change an equal object is not sent again.
    await set({ props: { customerEmail: 'ann@example.com', sessionVariables: { plan: 'pro' } } });
    await until('inside', (h) => h.customerData.email == 'ann@example.com' && h.customerData.sessionVariables.plan == 'pro');
    await sockets.waitFor('update_customer', (p) => p.email == 'ann@example.com');
    await sockets.waitFor('set_customer_fields', (p) => p.fields.plan == 'pro');
    await set({ props: { customerEmail: 'ann.lee@example.com', sessionVariables: { plan: 'pro' } } });
    await sockets.waitFor('update_customer', (p) => p.email == 'ann.lee@example.com');
    await page.waitForTimeout(200);
    expect(sockets.sent.filter((f) => f.action == 'set_customer_fields').map((f) => f.payload.fields)).toEqual([{ plan: 'pro' }]);

    // The same widget and socket throughout.
    expect(await page.evaluate(() => (document.querySelector('chatlet-widget') as any).mark)).toBe('the first');
    expect(sockets.sent.filter((f) => f.action == 'login')).toHaveLength(1);

    // Unmounted: gone, and the hooks outside have no widget.
    await set({ widget: false });
    await until('outside', (h) => !h.widget && h.state === null && h.unread == 0);
    expect(await hosts(page)).toBe(0);
    await expect.poll(() => sockets.sockets.every((s) => s.isClosed())).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the login’s greeting and the customer status: useWidgetGreeting, useWidgetCustomerData, their handlers', async () => {
    // An agent online: the sandbox's license offers its greeting at login.
    const { client: agent } = await loginAgent(server);
    try {
      const { page, errors, set, hooks, until, logged } = await open();
      await set({ widget: true, props: config() });
      await until('outside', (h) => h.widget && h.greeting === null && h.customerData.status == 'browsing');
      // The visitor's intent loads the chat, which logs in and shows the greeting.
      await page.locator('chatlet-widget button').hover();
      await until('inside', (h) => h.greeting?.uniqueId == 'sandbox-greeting-1' && h.customerData.status == 'invited');
      expect((await hooks('inside'))!.greeting).toEqual({ id: 1, uniqueId: 'sandbox-greeting-1' });
      await until('outside', (h) => h.greeting?.id == 1);
      await page.locator('chatlet-widget .greet').waitFor();

      // Open, the greeting goes (the visitor is still invited); minimized, it is back.
      await set({ props: { visibility: 'maximized' } });
      await until('inside', (h) => h.greeting === null && h.state.visibility == 'maximized' && h.customerData.status == 'invited');
      await set({ props: { visibility: 'minimized' } });
      await until('inside', (h) => h.greeting?.id == 1);
      // Dismissed: gone, and the visitor is browsing.
      await page.locator('chatlet-widget .greet button.x').click();
      await until('inside', (h) => h.greeting === null && h.customerData.status == 'browsing');

      const events = (await logged()).filter(([, name]) => /Greeting|CustomerStatus/.test(name)).map(([, name, p]) => [name, p]);
      const greeting = { id: 1, uniqueId: 'sandbox-greeting-1' };
      expect(events).toEqual([
        ['onCustomerStatusChanged', { status: 'invited' }],
        ['onGreetingDisplayed', greeting],
        ['onGreetingHidden', greeting],
        ['onGreetingDisplayed', greeting],
        ['onCustomerStatusChanged', { status: 'browsing' }],
        ['onGreetingHidden', greeting],
      ]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await agent.close();
    }
  });

  it('leaves one widget under StrictMode’s double mount', async () => {
    const { page, errors, sockets, set, until } = await open();
    await countHosts(page);
    await set({ strict: true, widget: true, props: { ...config(), visibility: 'maximized' } });
    await until('inside', (h) => h.isReady);
    await sockets.waitFor('login');
    await page.waitForTimeout(500);
    // StrictMode (React's development build) mounted, unmounted and mounted again: two widgets, one left.
    expect(await page.evaluate(() => (window as any).hostsAdded)).toBe(2);
    expect(await hosts(page)).toBe(1);
    expect(sockets.sent.filter((f) => f.action == 'login')).toHaveLength(1);
    expect(sockets.sockets.filter((s) => !s.isClosed())).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps up with quick route changes: mount, unmount, mount while the chat loads', async () => {
    const { page, errors, sockets, until } = await open();
    const props = { ...config(), visibility: 'maximized' };
    await countHosts(page);
    await page.evaluate((p) => {
      const { harness } = window as any;
      harness.steps([{ widget: true, props: p }, { widget: false }, { widget: true }, { widget: false }, { widget: true }]);
    }, props);
    await until('inside', (h) => h.isReady);
    await sockets.waitFor('login');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).hostsAdded)).toBe(3);
    expect(await hosts(page)).toBe(1);
    expect(sockets.sockets.filter((s) => !s.isClosed())).toHaveLength(1);
    // Router-style: a few ms apart, after the chat started loading.
    await page.evaluate(async () => {
      const { harness } = window as any;
      const tick = () => new Promise((r) => setTimeout(r, 5));
      harness.set({ widget: false });
      await tick();
      harness.set({ widget: true });
      await tick();
      harness.set({ widget: false });
      await tick();
      harness.set({ widget: true });
    });
    await until('inside', (h) => h.isReady);
    await page.waitForTimeout(500);
    expect(await hosts(page)).toBe(1);
    await expect.poll(() => sockets.sockets.filter((s) => !s.isClosed()).length).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unmounted, leaves the page as it was', async () => {
    const { page, errors, sockets, set, until } = await open({ footprint: true });
    const cdp = await page.context().newCDPSession(page);
    await page.waitForTimeout(200);
    const before = await snapshot(page, cdp);

    await set({ widget: true, props: { ...config(), visibility: 'maximized' } });
    const composer = page.locator('chatlet-widget textarea');
    await composer.fill('Leaving no trace');
    await composer.press('Enter');
    await sockets.waitFor('start_chat');
    await set({ props: { visibility: 'minimized' } });
    await until('inside', (h) => h.state.visibility == 'minimized');
    expect((await snapshot(page, cdp)).body).toEqual([...before.body, 'chatlet-widget']);

    await set({ widget: false });
    await expect.poll(() => sockets.sockets.every((s) => s.isClosed())).toBe(true);
    await page.waitForTimeout(300);
    expect(await snapshot(page, cdp)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
