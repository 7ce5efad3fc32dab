// Conformance: LiveChat's own customer SDK against the sandbox, in Chromium. Our client and the
// sandbox were written from one reading of the seeds; an outside client catches where both share a
// misreading (issue 16). The SDK is npm `@livechat/customer-sdk@2.0.0-alpha.7` (devDependency
// `@livechat/customer-sdk-2`): of the 2.x releases it is the one that speaks the v3.1 method set as
// released (`get_chats_summary`, `close_thread`, `incoming_chat_thread`, `mark_events_as_seen`,
// `created_at`); alpha.3 speaks v3.0 over SockJS at /v3.0, which the sandbox does not serve, and
// beta.2 / 2.0.x speak v3.2's renamed methods (`list_chats`, `deactivate_chat`). Only its transport
// (SockJS → a native WebSocket to the sandbox) and its accounts host (→ the sandbox's cookie grant)
// are adapted: test/e2e/pages/customer-sdk-2-shim.js. It runs against both dialects.
import type { BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../demo/sandbox/dialect';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { loginAgent, web } from '../sandbox/agent-helpers';
import type { Frame, TestClient } from '../sandbox/helpers';
import { bundleApp, launchBrowser, removeDir, sandboxVars, startStaticServer, type StaticServer } from './helpers';
import { until } from './journey-helpers';

const LICENSE = 12345;
let bundle: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  bundle = await bundleApp('test/e2e/pages/customer-sdk-2-app.js', {
    alias: { 'sockjs-client': 'test/e2e/pages/customer-sdk-2-shim.js' },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  if (bundle) removeDir(bundle);
});

/** One SDK page: every frame it sent and received on the customer socket, and its SDK events. */
interface SdkPage {
  page: Page;
  sent: Frame[];
  received: Frame[];
  events(name: string): Promise<Frame[]>;
  call<T = Frame>(method: string, ...args: unknown[]): Promise<T>;
}

async function openSdk(context: BrowserContext, site: StaticServer): Promise<SdkPage> {
  const page = await context.newPage();
  const sent: Frame[] = [];
  const received: Frame[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/v3.1/customer/rtm/ws')) return;
    ws.on('framesent', ({ payload }) => sent.push(JSON.parse(String(payload))));
    ws.on('framereceived', ({ payload }) => received.push(JSON.parse(String(payload))));
  });
  await page.goto(`${site.url}/customer-sdk-2.html`);
  await page.waitForFunction(() => 'sdkHarness' in window);
  await page.evaluate((license) => (window as any).sdkHarness.init(license), LICENSE);
  return {
    page,
    sent,
    received,
    events: (name) => page.evaluate((n) => (window as any).sdkHarness.log.filter((e: [string, unknown]) => e[0] === n).map((e: [string, unknown]) => e[1]), name),
    call: (method, ...args) => page.evaluate(([m, a]) => (window as any).sdkHarness.call(m, ...(a as unknown[])), [method, args] as const),
  };
}

/** Waits for the SDK's `connected` event. */
const connected = (sdk: SdkPage) => until(async () => (await sdk.events('connected'))[0], 'the SDK to emit connected');

describe.each(['released', 'draft'] as Dialect[])("LiveChat's customer SDK 2.0.0-alpha.7 against the sandbox (%s dialect)", (dialect) => {
  let sandbox: Sandbox;
  let site: StaticServer;
  let context: BrowserContext;
  let agent: TestClient;
  let customerId: string;
  let chatId: string;
  let firstVisit: SdkPage;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, dialect });
    site = await startStaticServer({ vars: sandboxVars(sandbox), mounts: { '/sdk/': bundle } });
    context = await browser.newContext();
    agent = (await loginAgent(sandbox)).client;
  });
  afterAll(async () => {
    await context?.close();
    await agent?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('first visit: nothing stored, it logs in with customer_side_storage: null and connects', async () => {
    firstVisit = await openSdk(context, site);
    await connected(firstVisit);
    const logins = firstVisit.sent.filter((f) => f.action === 'login');
    expect(logins).toHaveLength(1);
    expect(logins[0]!.payload).toMatchObject({ token: expect.stringMatching(/^Bearer dal:/), customer_side_storage: null });
    const answer = firstVisit.received.find((f) => f.action === 'login' && f.type === 'response');
    expect(answer?.success).toBe(true);
    customerId = answer!.payload.customer_id;
    expect((await firstVisit.events('customer_id'))[0]).toBe(customerId);
    await until(() => firstVisit.received.find((f) => f.action === 'customer_side_storage_updated'), 'the side storage push');
  });

  it('returning visit: the same customer logs in with what the server stored, non-string values unchanged', async () => {
    const stored = firstVisit.received.find((f) => f.action === 'customer_side_storage_updated')!.payload.customer_side_storage;
    expect(Object.values(stored).some((v) => typeof v !== 'string')).toBe(true);
    await firstVisit.page.close();
    const again = await openSdk(context, site);
    await connected(again);
    const login = again.sent.find((f) => f.action === 'login')!;
    expect(login.payload.customer_side_storage).toEqual(stored);
    expect(again.received.find((f) => f.action === 'login' && f.type === 'response')?.payload.customer_id).toBe(customerId);
    firstVisit = again;
  });

  it('starts a chat and exchanges messages with an agent (RTM and Web API)', async () => {
    const sdk = firstVisit;
    const chat = await sdk.call('startChat', { events: [{ type: 'message', text: 'Hello from the SDK' }] });
    expect(chat.error).toBeUndefined();
    const incoming = await agent.next((f) => f.action === 'incoming_chat_thread' && f.payload.chat.users.some((u: Frame) => u.id === customerId), 5_000);
    chatId = incoming.payload.chat.id;
    expect(incoming.payload.chat.thread.events.map((e: Frame) => e.text)).toEqual(['Hello from the SDK']);
    // The SDK resolves startChat with its own view of the chat thread the push brought.
    expect(chat).toMatchObject({ chat: chatId, thread: incoming.payload.chat.thread.id, events: [{ text: 'Hello from the SDK', author: customerId }] });

    expect((await agent.request('send_event', { chat_id: chatId, event: { type: 'message', text: 'Hi, agent here (RTM)' } })).success).toBe(true);
    expect((await web(sandbox, 'send_event', { chat_id: chatId, event: { type: 'message', text: 'And over the Web API' } })).status).toBe(200);
    const texts = async () => (await sdk.events('new_event')).map((e) => e.event?.text);
    await until(async () => (await texts()).includes('And over the Web API') || undefined, 'the agent messages in the SDK');
    expect(await texts()).toEqual(expect.arrayContaining(['Hi, agent here (RTM)', 'And over the Web API']));

    const sent = await sdk.call('sendEvent', chatId, { type: 'message', text: 'Thanks!' });
    expect(sent.error).toBeUndefined();
    expect(sent.text).toBe('Thanks!');
    const atAgent = await agent.next((f) => f.action === 'incoming_event' && f.payload.event.text === 'Thanks!', 5_000);
    expect(atAgent.payload.event.author_id).toBe(customerId);
  });

  it('lists chat summaries', async () => {
    const summary = await firstVisit.call('getChatsSummary', { offset: 0, limit: 10 });
    expect(summary.error).toBeUndefined();
    expect(summary.totalChats).toBe(1);
    expect(summary.chatsSummary.map((c: Frame) => c.id)).toEqual([chatId]);
  });

  it("marks events as seen, and the agent sees the customer's receipt", async () => {
    const seenUpTo = new Date().toISOString();
    const marked = await firstVisit.call('markEventsAsSeen', chatId, seenUpTo);
    expect(marked.error).toBeUndefined();
    const receipt = await agent.next((f) => f.action === 'last_seen_timestamp_updated' && f.payload.user_id === customerId, 5_000);
    expect(receipt.payload).toEqual({ user_id: customerId, chat_id: chatId, timestamp: Math.floor(Date.parse(seenUpTo) / 1000) });
  });

  it('never got an error answer from the sandbox', () => {
    expect(firstVisit.received.filter((f) => f.success === false)).toEqual([]);
  });
});
