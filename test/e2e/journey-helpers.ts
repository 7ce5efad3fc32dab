// Helpers for the browser journeys: one site per test file (the sandbox in-process, host pages for
// both embeds, Chromium), a visitor per test (a fresh browser context, its customer RTM frames both
// ways, the widget's public events), axe on the widget's shadow root, and screenshots of each state.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import type { Fixtures } from '../../demo/sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import type { Frame, TestClient } from '../sandbox/helpers';
import { bundleApp, launchBrowser, launcherOf, removeDir, startStaticServer } from './helpers';

/** How the host page embeds the widget: the script tag (`dist/chatlet.js`) or the npm package. */
export type Embed = 'script' | 'npm';
export const EMBEDS: Embed[] = ['script', 'npm'];
export const LICENSE_ID = 12345;

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const shots = join(repo, 'test-results/journeys');
const axePath = createRequire(import.meta.url).resolve('axe-core');
const EVENTS = ['ready', 'availability_changed', 'new_event', 'form_submitted', 'rating_submitted', 'rich_message_button_clicked', 'unread_changed'];

/**
 * Polls `probe` until it returns something other than `undefined`/`false`, for up to `ms`.
 *
 * @example
 * const frame = await until(() => wire.sent.find((f) => f.action == 'login'), 'a login frame');
 */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The sandbox, a static server with the host pages, and Chromium, for one test file. */
export interface JourneySite {
  server: Sandbox;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** A host page with the script tag as a site owner pastes it, for one group. */
const scriptPage = (server: Sandbox, group: number) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shop (script tag)</title><link rel="stylesheet" href="/page.css"></head>
<body>
<main><h1>A shop</h1><p>The chat comes from the script tag below.</p></main>
<script async src="/dist/chatlet.js" data-license-id="${LICENSE_ID}" data-group-id="${group}" data-api-url="${server.wsUrl}" data-accounts-url="${server.url}"></script>
</body>
</html>
`;

/**
 * Starts everything a journey file needs (the sandbox with the default fixtures unless given);
 * `close()` stops what was started, also after a failed start.
 *
 * @example
 * const site = await startJourneySite();
 * afterAll(() => site.close());
 */
export async function startJourneySite(fixtures?: Fixtures): Promise<JourneySite> {
  const stops: (() => unknown)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const server = await startSandbox({ port: 0, ...(fixtures && { fixtures }) });
    stops.push(() => server.close());
    const bundle = await bundleApp('test/e2e/pages/npm-app.js');
    stops.push(() => removeDir(bundle));
    const pages = mkdtempSync(join(tmpdir(), 'chatlet-journey-'));
    stops.push(() => removeDir(pages));
    for (const group of [0, 1]) writeFileSync(join(pages, `script-${group}.html`), scriptPage(server, group));
    const site = await startStaticServer({ mounts: { '/npm/': bundle, '/journey/': pages } });
    stops.push(() => site.close());
    const browser = await launchBrowser();
    stops.push(() => browser.close());
    return { server, browser, url: site.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

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

/**
 * Waits until no finite animation (the panel popping open, say) runs in the page or the widget's
 * shadow root for a whole frame; endless ones (the typing dots) are left running.
 *
 * @example
 * await settled(page);
 */
export const settled = (page: Page) =>
  page.evaluate(async () => {
    const running = () =>
      [...document.getAnimations(), ...[...document.querySelectorAll('chatlet-widget')].flatMap((h) => h.shadowRoot?.getAnimations() ?? [])].filter(
        (a) => a.playState == 'running' && a.effect?.getComputedTiming().endTime !== Infinity,
      );
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let busy = running(); ; busy = running()) {
      if (busy.length == 0) {
        await frame();
        if (running().length == 0) return;
      }
      await Promise.all(busy.map((a) => a.finished.catch(() => undefined)));
    }
  });

/**
 * Resolves once the effects of what was just rendered have run: Preact runs effects after the next
 * paint, and this waits for that frame and a task after it.
 *
 * @example
 * await visitor.launcher.click(); await afterPaint(visitor.page);
 */
export const afterPaint = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r))));

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
    await launcherOf(page).waitFor();
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

/** An axe finding that blocks: serious or critical. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core over the widget (its shadow root included) and returns the serious and critical
 * violations, plus how many of the widget's nodes passed some rule (so an empty scan shows up).
 *
 * @example
 * expect((await axeWidget(page)).violations).toEqual([]);
 */
export async function axeWidget(page: Page): Promise<{ violations: AxeFinding[]; checked: number }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  // Colours are judged as they end up, not halfway through a fade.
  await settled(page);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run({ include: [['chatlet-widget']] }, { resultTypes: ['violations', 'passes'] });
    const violations = result.violations
      .filter((v: any) => v.impact == 'serious' || v.impact == 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => JSON.stringify(n.target)) }));
    const checked = new Set(result.passes.flatMap((p: any) => p.nodes.map((n: any) => JSON.stringify(n.target)))).size;
    return { violations, checked };
  });
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
