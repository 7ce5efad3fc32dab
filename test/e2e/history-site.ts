// What the long-history suites share: a sandbox with the bench's agent logged in (seedChat needs
// one), the script-tag test site pointed at it, and Chromium.
import type { Browser, BrowserContext, Locator, Page } from 'playwright';
import { startSandbox, type Sandbox } from '../../demo/sandbox/server';
import { WINDOW } from '../../src/ui/list-window';
import { loginBenchAgent, type BenchAgent } from '../bench/bench-agent';
import type { SeededChat } from '../bench/seed-chat';
import { launcherOf, launchBrowser, sandboxVars, startStaticServer, type StaticServer } from './helpers';

/** A sandbox, its agent, the test site and a browser, closed together. */
export interface HistorySite {
  server: Sandbox;
  agent: BenchAgent;
  site: StaticServer;
  browser: Browser;
  /** Closes everything it started. */
  close(): Promise<void>;
}

/**
 * Starts what a long-history suite needs; `control` turns on the sandbox's fault injection
 * (`server.control`: dropping connections and the like).
 *
 * @example
 * let env: HistorySite;
 * beforeAll(async () => void (env = await startHistorySite()));
 * afterAll(() => env?.close());
 * const chat = await seedChat(env.server, 400);
 */
export async function startHistorySite(options: { control?: boolean } = {}): Promise<HistorySite> {
  const server = await startSandbox({ port: 0, control: options.control });
  const agent = await loginBenchAgent(server);
  const site = await startStaticServer({ vars: sandboxVars(server) });
  const browser = await launchBrowser();
  return {
    server,
    agent,
    site,
    browser,
    async close() {
      await browser.close();
      await site.close();
      await agent.close();
      await server.close();
    },
  };
}

/**
 * Opens the script-tag page as a seeded chat's visitor, in a context of its own, opens the chat and
 * waits for its newest message; `beforeLoad` may watch the page first. The caller closes `context`.
 *
 * @example
 * const { context, log } = await openSeededChat(env, await seedChat(env.server, 60));
 * try { expect(await log.textContent()).toContain('message 60 of 60'); } finally { await context.close(); }
 */
export async function openSeededChat(
  env: HistorySite,
  chat: Pick<SeededChat, 'cookie' | 'newest'>,
  beforeLoad: (page: Page) => void = () => {},
): Promise<{ context: BrowserContext; page: Page; widget: Locator; log: Locator }> {
  const context = await env.browser.newContext();
  try {
    await context.addCookies([chat.cookie]);
    const page = await context.newPage();
    beforeLoad(page);
    await page.goto(`${env.site.url}/script-tag.html`);
    await launcherOf(page).click();
    const widget = page.locator('chatlet-widget');
    const log = widget.locator('[role="log"]');
    await log.getByText(chat.newest).waitFor();
    return { context, page, widget, log };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Most detached `<div>`s a list may leave reachable, however long the history: one earlier render
 * of the list's rows (~4 divs per event of a window), which Preact keeps through the parent of the
 * list's own children (typing indicator, postchat) until the chat body renders again. Renders that
 * keep older ones reachable grow with every page of history instead (522 after 12 threads, once).
 */
export const DETACHED_LIMIT = 8 * WINDOW;

/**
 * How many `<div>` elements the page's JS heap holds after a full GC that are not in the document:
 * rows the list dropped must be let go, not kept reachable by the rows it still shows.
 *
 * @example
 * expect(await detachedDivs(page)).toBeLessThan(DETACHED_LIMIT);
 */
export async function detachedDivs(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: 'HTMLDivElement.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId! });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId!,
    functionDeclaration: 'function () { return this.filter((div) => !div.isConnected).length; }',
    returnByValue: true,
  });
  await cdp.detach();
  return result.value as number;
}
