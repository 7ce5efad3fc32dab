// The script tag: data attributes, the queue snippet, lazy loading on intent, a click while loading,
// saveData, and loading on idle for an ongoing chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { ongoingChatKey } from '../../src/embed/ongoing-chat-key';
import { launchBrowser, launcherOf, recordSockets, sandbox, sandboxVars, startStaticServer, type StaticServer } from './helpers';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;

beforeAll(async () => {
  server = await sandbox();
  // The widget chunk answers slowly, so a click can land while it loads.
  site = await startStaticServer({ vars: sandboxVars(server), delay: { path: /chatlet-embed\.mjs$/, ms: 400 } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

/** A fresh page that records requests for the lazy chunk and console errors. */
async function open(path: string, before?: (page: Page) => Promise<unknown>) {
  const page = await browser.newPage();
  const chunkRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => r.url().includes('chatlet-embed') && chunkRequests.push(r.url()));
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const sockets = recordSockets(page);
  await before?.(page);
  await page.goto(site.url + path);
  await launcherOf(page).waitFor();
  return { page, chunkRequests, errors, sockets };
}

const panel = (page: Page) => page.locator('chatlet-widget .panel');

describe('script tag', () => {
  it('initialises from its data attributes, draws only the launcher, and loads the chat on hover', async () => {
    const { page, chunkRequests, errors, sockets } = await open('/script-tag.html');
    expect(await page.evaluate(() => typeof (window as any).chatlet)).toBe('function');
    await page.waitForTimeout(300);
    expect(chunkRequests).toEqual([]);
    expect(sockets.sockets).toHaveLength(0);

    await launcherOf(page).hover();
    const login = await sockets.waitFor('login');
    expect(login.payload.customer_page.url).toBe(site.url + '/script-tag.html');
    expect(chunkRequests).toHaveLength(1);
    await launcherOf(page).click();
    await panel(page).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (window as any).chatlet('get', 'state'))).toMatchObject({ visibility: 'maximized' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('replays the queue snippet’s calls in order and reports an unknown command when the chat loads', async () => {
    const { page, errors, sockets } = await open('/queue.html');
    expect(await page.evaluate(() => (window as any).chatlet('get', 'customer_data'))).toMatchObject({ id: '', status: 'browsing' });
    expect(errors).toEqual([]);

    await page.evaluate(() => (window as any).chatlet('maximize', { messageDraft: 'Hello from the page' }));
    const login = await sockets.waitFor('login');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^chatlet: unknown command "no_such_command"; commands: init, maximize/);
    expect(login.payload.customer).toEqual({ name: 'Queued Ann', fields: { plan: 'pro' } });
    await panel(page).waitFor({ state: 'visible' });
    expect(await page.locator('chatlet-widget textarea').inputValue()).toBe('Hello from the page');
    await page.waitForFunction(() => (window as any).seen.length >= 2);
    expect(await page.evaluate(() => (window as any).seen)).toEqual([
      ['visibility_changed', 'maximized'],
      ['ready', 'maximized'],
    ]);
    const customer = await page.evaluate(() => (window as any).chatlet('get', 'customer_data'));
    expect(customer).toMatchObject({ name: 'Queued Ann', sessionVariables: { plan: 'pro' } });
    expect(errors).toHaveLength(1);
    await page.close();
  });

  it('honours a click made while the chat loads', async () => {
    const { page, sockets } = await open('/script-tag.html');
    await launcherOf(page).hover();
    await launcherOf(page).click();
    expect(await launcherOf(page).getAttribute('aria-busy')).toBe('true');
    await panel(page).waitFor({ state: 'visible' });
    await sockets.waitFor('login');
    await page.close();
  });

  // Retried: in about one full `npm test` in four (never alone, nor in 18 runs of this file under CPU
  // load) focus stayed on the panel; the failure message says what the panel held then.
  it('keeps keyboard focus: focusing the launcher preloads without moving it, Enter opens the chat with focus inside', { retry: 2 }, async () => {
    const { page, chunkRequests, sockets } = await open('/script-tag.html');
    const focused = () =>
      page.evaluate(() => {
        const inner = document.activeElement?.shadowRoot?.activeElement;
        return inner ? `${inner.tagName.toLowerCase()} ${inner.getAttribute('role') ?? inner.getAttribute('aria-label')}` : null;
      });
    await page.keyboard.press('Tab');
    await expect.poll(() => chunkRequests.length).toBe(1);
    await page.waitForTimeout(600);
    expect(await focused()).toBe('button Open chat');
    await page.keyboard.press('Enter');
    await panel(page).waitFor({ state: 'visible' });
    // Focus goes to the panel (a dialog) and on to the message input once the panel's body is there.
    expect(await focused()).toMatch(/^(section dialog|textarea Write a message…)$/);
    await expect
      .poll(focused)
      .toBe('textarea Write a message…')
      .catch(async (e: Error) => {
        const held = await page.evaluate(() => {
          const root = document.querySelector('chatlet-widget')!.shadowRoot!;
          const input = root.querySelector('textarea');
          return JSON.stringify({ input: input && { disabled: input.disabled }, body: root.querySelector('.body')?.children.length, form: !!root.querySelector('form.survey') });
        });
        throw new Error(`${e.message}; the panel held ${held}`);
      });
    // What the visitor types at once survives the rest of the start (login, the renders it brings).
    await page.keyboard.type('Typed at once');
    await sockets.waitFor('login');
    // Logged in: the store has the customer's id from the login answer, rendered since.
    await expect.poll(() => page.evaluate(() => (window as any).chatlet('get', 'customer_data').id)).not.toBe('');
    expect(await page.locator('chatlet-widget textarea').inputValue()).toBe('Typed at once');
    expect(await focused()).toBe('textarea Write a message…');
    // One widget took over, and it gets the commands.
    await page.evaluate(() => (window as any).chatlet('minimize'));
    await panel(page).waitFor({ state: 'hidden' });
    expect(await page.locator('chatlet-widget').count()).toBe(1);
    await page.close();
  });

  it('preloads nothing under saveData; a click still opens the chat', async () => {
    const { page, chunkRequests } = await open('/script-tag.html', (p) =>
      p.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } })),
    );
    await launcherOf(page).hover();
    await launcherOf(page).focus();
    await page.waitForTimeout(600);
    expect(chunkRequests).toEqual([]);
    await launcherOf(page).click();
    await panel(page).waitFor({ state: 'visible' });
    await page.close();
  });

  it('loads on idle, without intent, when the visitor has an ongoing chat', async () => {
    const key = ongoingChatKey(12345, 0);
    const { page, sockets } = await open('/script-tag.html', (p) =>
      p.addInitScript((k) => localStorage.setItem(k, '1'), key),
    );
    await sockets.waitFor('login');
    await page.close();
  });
});
