// The visitor's side of a journey: a fresh browser context on a host page with the widget, the
// customer RTM frames it sends and receives, the widget's public events, screenshots, and the
// usual way into a chat (launcher, prechat form).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright';
import type { Frame, TestClient } from '../sandbox/helpers';
import { LICENSE_ID, settled, until, type Embed, type JourneySite } from './journey-helpers';

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const shots = join(repo, 'test-results/journeys');
const EVENTS = ['ready', 'availability_changed', 'new_event', 'form_submitted', 'rating_submitted', 'rich_message_button_clicked', 'unread_changed'];

/** A frame of the customer RTM, as sent or received. */
export interface WireFrame {
  action: string;
  type?: string;
  request_id?: string;
  success?: boolean;
  payload?: any;
}

/** The page's customer RTM traffic, both ways, across reloads. */
export interface Wire {
  sockets: number;
  sent: WireFrame[];
  received: WireFrame[];
  /** The first sent frame of `action` (matching `test`), waiting for it. */
  sentFrame(action: string, test?: (payload: any) => boolean): Promise<WireFrame>;
  /** The first received frame (response or push) of `action` (matching `test`), waiting for it. */
  receivedFrame(action: string, test?: (payload: any) => boolean): Promise<WireFrame>;
}

function recordWire(page: Page): Wire {
  const find = (list: WireFrame[], action: string, test: (p: any) => boolean) => list.find((f) => f.action == action && test(f.payload));
  const wire: Wire = {
    sockets: 0,
    sent: [],
    received: [],
    sentFrame: (action, test = () => true) => until(() => find(wire.sent, action, test), `a sent ${action} frame`),
    receivedFrame: (action, test = () => true) => until(() => find(wire.received, action, test), `a received ${action} frame`),
  };
  const parse = (into: WireFrame[], data: string | Buffer) => {
    try {
      into.push(JSON.parse(String(data)));
    } catch {
      // Not JSON: nothing the journeys look at.
    }
  };
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/customer/rtm/ws')) return;
    wire.sockets++;
    ws.on('framesent', ({ payload }) => parse(wire.sent, payload));
    ws.on('framereceived', ({ payload }) => parse(wire.received, payload));
  });
  return wire;
}

/** One visitor: a fresh browser context on a host page with the widget. */
export interface Visitor {
  embed: Embed;
  context: BrowserContext;
  page: Page;
  wire: Wire;
  /** The widget's element; locators pierce its open shadow root. */
  widget: Locator;
  launcher: Locator;
  /** A message bubble with `text` in the conversation, the visitor's own or someone else's. */
  message(text: string, from: 'visitor' | 'agent'): Locator;
  /** Errors thrown on the page. */
  errors: string[];
  /** Reloads the page; the npm embed's SPA creates its widget again, as it would at startup. */
  reload(): Promise<void>;
  /** A widget command: `chatlet(name, …)` or `widget[name](…)`. */
  call(name: string, ...args: unknown[]): Promise<any>;
  /** Payloads of a public event, in order. */
  events(name: string): Promise<any[]>;
  /** Saves a screenshot as test-results/journeys/<embed>-<name>.png. */
  shot(name: string): Promise<void>;
}

/**
 * Opens a visitor on the host page of `embed`, for a group, with the launcher showing.
 *
 * @example
 * const visitor = await openVisitor(site, 'script', { groupId: 1 });
 * await visitor.launcher.click();
 */
export async function openVisitor(site: JourneySite, embed: Embed, { groupId = 0 } = {}): Promise<Visitor> {
  const context = await site.browser.newContext({ viewport: { width: 900, height: 760 } });
  // The queue snippet, before the script loads: subscriptions that the script tag replays.
  if (embed == 'script') {
    await context.addInitScript((names) => {
      const w = window as any;
      w.journeyLog = [];
      w.chatlet = w.chatlet || function (...args: unknown[]) { (w.chatlet.q = w.chatlet.q || []).push(args); };
      for (const name of names) w.chatlet('on', name, (payload: unknown) => w.journeyLog.push([name, payload]));
    }, EVENTS);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const widget = page.locator('chatlet-widget');
  const start = async () => {
    if (embed == 'npm') {
      await page.waitForFunction(() => 'harness' in window);
      const config = { licenseId: LICENSE_ID, groupId, apiUrl: site.server.wsUrl, accountsUrl: site.server.url };
      const index = await page.evaluate((c) => (window as any).harness.create(c), config);
      if (index !== 0) throw new Error(`createChatWidget failed: ${index}`);
    }
    // Open or closed: a chat left open on the last page opens again by itself.
    await widget.locator('button.launch, button[aria-label="Open chat"]').first().waitFor();
  };
  const visitor: Visitor = {
    embed,
    context,
    page,
    wire: recordWire(page),
    widget,
    launcher: widget.locator('button.launch, button[aria-label^="Open chat"]').first(),
    message: (text, from) => widget.locator(from == 'visitor' ? '.grp.own p.bub' : '.grp:not(.own) p.bub').filter({ hasText: text }),
    errors,
    reload: async () => {
      await page.reload();
      await start();
    },
    call: (name, ...args) =>
      page.evaluate(
        ([n, a]) => {
          const w = window as any;
          return w.harness ? w.harness.call(0, n, ...a) : w.chatlet(n, ...a);
        },
        [name, args] as const,
      ),
    events: async (name) => {
      const log: unknown[][] = await page.evaluate(() => {
        const w = window as any;
        return w.harness ? w.harness.log.map((e: unknown[]) => e.slice(1)) : w.journeyLog;
      });
      return log.filter((e) => e[0] == name).map((e) => e[1]);
    },
    shot: async (name) => {
      mkdirSync(shots, { recursive: true });
      // Off the widget: headless Chromium draws a hovered launcher's shadow with a box around it.
      await page.mouse.move(0, 0);
      await settled(page);
      await page.screenshot({ path: join(shots, `${embed}-${name}.png`) });
    },
  };
  await page.goto(`${site.url}${embed == 'script' ? `/journey/script-${groupId}.html` : '/npm.html'}`);
  await start();
  return visitor;
}

/** What {@link startChat} leaves behind: the chat as the agent got it. */
export interface StartedChat {
  chatId: string;
  threadId: string;
  customerId: string;
  /** The agent's `incoming_chat_thread` push. */
  incoming: Frame;
}

/**
 * The visitor opens the chat and sends the prechat form with a name and a question; resolves once
 * the agent was given the new chat.
 *
 * @example
 * const { chatId } = await startChat(visitor, agent, { name: 'Ada' });
 */
export async function startChat(visitor: Visitor, agent: TestClient, { name = 'Ada', question = 'Where is my order?' } = {}): Promise<StartedChat> {
  await visitor.launcher.click();
  await visitor.widget.getByLabel(/^Name/).fill(name);
  await visitor.widget.getByLabel(/^Your question/).fill(question);
  await visitor.widget.getByRole('button', { name: 'Start the chat' }).click();
  const answer = await visitor.wire.receivedFrame('start_chat');
  const chatId: string = answer.payload.chat?.id ?? answer.payload.chat_id;
  const incoming = await agent.next((f) => f.action == 'incoming_chat_thread' && f.payload.chat.id == chatId, 10_000);
  const customerId = (await visitor.wire.receivedFrame('login')).payload.customer_id;
  return { chatId, threadId: incoming.payload.chat.thread.id, customerId, incoming };
}
