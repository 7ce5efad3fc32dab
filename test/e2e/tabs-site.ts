// What the multi-tab suites share: a sandbox (with its control surface, to see the customer
// connections), the bench's agent logged in, the test site and Chromium; a visitor with a chat, whose
// tabs are pages of one browser context; and the WebSockets those pages open.
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { loginBenchAgent, type BenchAgent } from '../bench/bench-agent';
import { seedChat, type SeededChat } from '../bench/seed-chat';
import { launchBrowser, sandboxVars, startStaticServer, type StaticServer } from './helpers';

/** The sandbox, its agent, the site and a browser, closed together. */
export interface TabsSite {
  server: Sandbox;
  agent: BenchAgent;
  site: StaticServer;
  browser: Browser;
  /** The customer connections open on the sandbox now. */
  customerSockets(): number;
  /** Texts of the messages the sandbox holds in `chatId`, in order. */
  messages(chatId: string): string[];
  close(): Promise<void>;
}

/**
 * Starts what a multi-tab suite needs.
 *
 * @example
 * let env: TabsSite;
 * beforeAll(async () => void (env = await startTabsSite()));
 * afterAll(() => env?.close());
 */
export async function startTabsSite(): Promise<TabsSite> {
  const server = await startSandbox({ port: 0, control: true });
  const agent = await loginBenchAgent(server);
  const site = await startStaticServer({ vars: sandboxVars(server) });
  const browser = await launchBrowser();
  return {
    server,
    agent,
    site,
    browser,
    customerSockets: () => server.control!.connections().filter((c) => c.kind === 'customer').length,
    messages: (chatId) =>
      server.store.chats
        .get(chatId)!
        .threads.flatMap((t) => t.events)
        .flatMap((e) => (e.type === 'message' ? [e.text as string] : [])),
    async close() {
      await browser.close();
      await site.close();
      await agent.close();
      await server.close();
    },
  };
}

/** Every customer RTM WebSocket the pages of a context open, as Playwright reports them. */
export interface SocketWatch {
  opened: number;
  /** Open now, and the most open at once. */
  open: number;
  most: number;
}

/** Watches the customer sockets of every page `context` opens from now on. */
export function watchSockets(context: BrowserContext): SocketWatch {
  const watch: SocketWatch = { opened: 0, open: 0, most: 0 };
  context.on('page', (page) =>
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/customer/rtm/ws')) return;
      watch.opened++;
      watch.most = Math.max(watch.most, ++watch.open);
      ws.on('close', () => watch.open--);
    }),
  );
  return watch;
}

/** A visitor with a chat with the agent: a browser context with its identity, and its chat. */
export async function seededVisitor(env: TabsSite, init?: () => void): Promise<{ context: BrowserContext; chat: SeededChat }> {
  const chat = await seedChat(env.server, 2);
  const context = await env.browser.newContext();
  await context.addCookies([chat.cookie]);
  if (init) await context.addInitScript(init);
  return { context, chat };
}

/** One tab of the visitor: the page, its widget and its message log. */
export interface Tab {
  page: Page;
  widget: Locator;
  log: Locator;
}

/**
 * Opens a tab on `path` and the chat in it through the page's API (no user interaction), and waits
 * until it shows `until` (the chat's newest message).
 */
export async function openTab(env: TabsSite, context: BrowserContext, until: string, path = '/script-tag.html'): Promise<Tab> {
  const page = await context.newPage();
  await page.goto(env.site.url + path);
  await page.waitForFunction(() => typeof (window as any).chatlet === 'function');
  await page.evaluate(() => (window as any).chatlet('maximize'));
  const widget = page.locator('chatlet-widget');
  const log = widget.locator('[role="log"]');
  await log.getByText(until).waitFor();
  return { page, widget, log };
}

/** How many times each text shows in the tab's message log. */
export async function countIn(tab: Tab, text: string): Promise<number> {
  return tab.log.getByText(text, { exact: true }).count();
}
