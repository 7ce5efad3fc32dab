// Storage faults in a real browser: localStorage blocked (its getter throws, as in a sandboxed
// iframe or with cookies off), gone, throwing on every call, full, or holding corrupt JSON under
// every key the widget reads. The widget still chats both ways, and shows each message once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { loadFixtures } from '../../demo/sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { ongoingChatKey } from '../../src/embed/ongoing-chat-key';
import type { TestClient } from '../sandbox/helpers';
import { type StaticServer, startNpmSite } from './helpers';

const KEYS = ['chatlet_outbox_12345', '@@lc_auth_token:12345', 'side_storage_12345', ongoingChatKey(12345, 0)];

/** Page scripts that break localStorage before anything else runs. */
const FAULTS: [string, string][] = [
  ['blocked (the getter throws)', `Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`],
  ['gone', `Object.defineProperty(window, 'localStorage', { configurable: true, value: undefined });`],
  [
    'throwing on every call',
    `for (const m of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) Storage.prototype[m] = () => { throw new DOMException('denied', 'SecurityError'); };`,
  ],
  ['full', `Storage.prototype.setItem = () => { throw new DOMException('quota exceeded', 'QuotaExceededError'); };`],
  ...['{not json', '[1,2', 'null', '"text"', '[{"customId":"x","createdAt":1e300,"event":{"type":"message","text":"ghost","custom_id":"x"}}]', '{"accessToken":5,"licenseId":12345,"creationDate":0,"expiresIn":1e300}'].map(
    (value): [string, string] => [`holding ${value} under every key`, `for (const k of ${JSON.stringify(KEYS)}) localStorage.setItem(k, ${JSON.stringify(value)});`],
  ),
];

let browser: Browser;
let server: Sandbox;
let site: StaticServer;
let agent: TestClient;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  // No prechat form: the visitor writes straight away.
  const fixtures = loadFixtures();
  delete fixtures.licenses[0]!.forms['0']!.prechat;
  server = await startSandbox({ port: 0, fixtures });
  ({ browser, site, agent, close } = await startNpmSite(server));
});
afterAll(() => close?.());

describe('storage faults in the browser', () => {
  it.each(FAULTS)('localStorage %s: the widget still chats', async (name, fault) => {
    const context = await browser.newContext();
    await context.addInitScript(fault);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url + '/npm.html');
    await page.waitForFunction(() => 'harness' in window);
    await page.evaluate((c) => (window as any).harness.create(c), { licenseId: 12345, apiUrl: server.wsUrl, accountsUrl: server.url });
    await page.evaluate(() => (window as any).harness.call(0, 'maximize'));

    const widget = page.locator('chatlet-widget');
    const text = `hello, storage ${FAULTS.findIndex(([n]) => n === name)}`;
    await widget.getByRole('textbox').fill(text, { timeout: 15_000 });
    await widget.getByRole('textbox').press('Enter');
    const started = await agent.next((f) => f.action === 'incoming_chat_thread' && JSON.stringify(f.payload).includes(text), 10_000);
    const chatId: string = started.payload.chat.id;
    await agent.request('send_event', { chat_id: chatId, event: { type: 'message', text: `reply: ${text}`, recipients: 'all' } });
    await widget.getByText(`reply: ${text}`).waitFor({ timeout: 10_000 });
    await expect.poll(() => widget.getByText(text, { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
