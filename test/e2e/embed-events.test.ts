// The public events, end to end with an agent on the sandbox: ready, connection_changed,
// availability_changed, visibility_changed, form_submitted, new_event (both ways), unread_changed,
// rich_message_button_clicked and rating_submitted, each with LiveChat's payload fields only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import { ongoingChatKey } from '../../src/embed/ongoing-chat-key';
import { AGENT, web } from '../sandbox/agent-helpers';
import type { TestClient } from '../sandbox/helpers';
import { recordSockets, sandbox, type StaticServer, startNpmSite } from './helpers';

let browser: Browser;
let server: Sandbox;
let site: StaticServer;
let agent: TestClient;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  server = await sandbox();
  ({ browser, site, agent, close } = await startNpmSite(server));
});
afterAll(() => close?.());

type Logged = [index: number, name: string, payload: any];
const events = (page: Page) => page.evaluate(() => (window as any).harness.log as Logged[]);
const payloads = async (page: Page, name: string) => (await events(page)).filter((e) => e[1] == name).map((e) => e[2]);
const until = async (page: Page, name: string, test: (payload: any) => boolean = () => true) => {
  await expect.poll(async () => (await payloads(page, name)).some(test), { timeout: 10_000 }).toBe(true);
  return (await payloads(page, name)).find(test);
};

describe('events', () => {
  it('reports the chat’s life to the page with LiveChat’s payloads', async () => {
    const page = await browser.newPage();
    const sockets = recordSockets(page);
    await page.goto(site.url + '/npm.html');
    await page.waitForFunction(() => 'harness' in window);
    const widget = await page.evaluate(
      (c) => (window as any).harness.create(c),
      { licenseId: 12345, apiUrl: server.wsUrl, accountsUrl: server.url },
    );
    const call = (method: string, ...args: unknown[]) =>
      page.evaluate(([m, a]) => (window as any).harness.call(0, m, ...(a as unknown[])), [method, args] as const);
    expect(widget).toBe(0);

    await call('maximize');
    expect(await until(page, 'ready')).toEqual({
      state: { availability: 'offline', visibility: 'maximized' },
      customerData: { id: '', name: '', email: '', isReturning: false, status: 'browsing', sessionVariables: {} },
    });
    expect(await until(page, 'visibility_changed')).toEqual({ visibility: 'maximized' });
    expect(await until(page, 'connection_changed', (p) => p.state == 'online')).toEqual({ state: 'online' });
    expect(await until(page, 'availability_changed')).toEqual({ availability: 'online' });

    // The group has a prechat form: filling it starts the chat.
    const widgetRoot = page.locator('chatlet-widget');
    await widgetRoot.getByLabel(/^Name/).fill('Ada');
    await widgetRoot.getByRole('button', { name: 'Start the chat' }).click();
    expect(await until(page, 'form_submitted')).toEqual({ type: 'prechat' });
    const chatId: string = (await agent.next('incoming_chat_thread', 10_000)).payload.chat.id;
    await sockets.waitFor('start_chat');
    // The agent may hear of the chat before the visitor's page has the answer to start_chat.
    await expect.poll(() => call('get', 'chat_data')).toEqual({ chatId, threadId: expect.any(String) });
    await expect.poll(() => call('get', 'customer_data')).toMatchObject({ id: expect.stringMatching(/.+/), status: expect.stringMatching(/queued|chatting/) });

    // The next page load may load the chat on idle while this one is ongoing, and open it: it is open,
    // marked with the time, and marked again as the page goes.
    const ongoing = () => page.evaluate((key) => localStorage.getItem(key), ongoingChatKey(12345, 0));
    await expect.poll(async () => Date.now() - Number(await ongoing())).toBeLessThan(60_000);
    await page.evaluate((key) => localStorage.setItem(key, String(Date.now() - 3_600_000)), ongoingChatKey(12345, 0));
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
    expect(Date.now() - Number(await ongoing())).toBeLessThan(60_000);

    await agent.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Hello Ada', recipients: 'all' } });
    expect(await until(page, 'new_event', (p) => p.author.type == 'agent')).toEqual({
      timestamp: expect.any(Number),
      type: 'message',
      author: { id: AGENT, type: 'agent' },
    });

    const composer = widgetRoot.locator('textarea');
    await composer.fill('Where is my order?');
    await composer.press('Enter');
    expect(await until(page, 'new_event', (p) => p.author.type == 'customer')).toEqual({
      timestamp: expect.any(Number),
      type: 'message',
      author: { id: expect.stringMatching(/.+/), type: 'customer' },
    });

    await call('minimize');
    // The store learns the panel is hidden from the UI's effect after the next paint.
    await widgetRoot.locator('.panel').waitFor({ state: 'hidden' });
    await page.waitForTimeout(100);
    await expect.poll(ongoing).toBe('1');
    await agent.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Still there?', recipients: 'all' } });
    expect(await until(page, 'unread_changed', (p) => p.count > 0)).toEqual({ count: 1 });
    await call('maximize');
    expect(await until(page, 'unread_changed', (p) => p.count == 0)).toEqual({ count: 0 });

    const card = {
      type: 'rich_message',
      template_id: 'cards',
      elements: [{ title: 'Track your parcel?', buttons: [{ text: 'Yes please', postback_id: 'track_yes', user_ids: [], type: 'message', value: 'yes' }] }],
    };
    const sent = await web(server, 'send_event', { chat_id: chatId, event: card });
    await widgetRoot.getByRole('button', { name: 'Yes please' }).click();
    expect(await until(page, 'rich_message_button_clicked')).toEqual({ eventId: sent.body.event.id, postbackId: 'track_yes' });

    await agent.request('close_thread', { chat_id: chatId });
    await expect.poll(ongoing).toBe(null);
    // The group's postchat form asks for the rating; sending it rates the chat too.
    const good = widgetRoot.getByRole('radio', { name: 'Good' });
    await good.check();
    await good.locator('xpath=ancestor::form').locator('button[type=submit]').click();
    expect(await until(page, 'rating_submitted')).toBe('good');
    expect(await until(page, 'form_submitted', (p) => p.type == 'postchat')).toEqual({ type: 'postchat' });

    // Only LiveChat's payload fields reach the page.
    for (const [, name, payload] of await events(page)) {
      if (name == 'connection_changed') expect(Object.keys(payload)).toEqual(['state']);
      if (name == 'new_event') expect(Object.keys(payload).sort()).toEqual(['author', 'timestamp', 'type']);
    }
    await page.close();
  });
});
