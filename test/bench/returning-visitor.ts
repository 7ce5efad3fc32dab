// The set-up every long-chat measurement shares: a visitor whose chat already holds a seeded history,
// on the bench's Chatlet page, loaded and idle, with the panel still closed.
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import type { BenchSite } from './bench-site';
import { benchPage, settle, type BenchPage } from './measure';
import { seedChat, type SeededChat, type SeedOptions } from './seed-chat';

/**
 * Seeds a chat of `events` events, opens a fresh page as its customer (their cookie) on the bench
 * site's Chatlet page and waits until it is idle. The caller opens the panel and closes the page.
 *
 * @example
 * const { chat, page, close } = await returningVisitor(browser, site, sandbox, 1_000);
 * try { await openPanel(page, { kind: 'chat', text: chat.newest }); } finally { await close(); }
 */
export async function returningVisitor(
  browser: Browser,
  site: BenchSite,
  sandbox: Sandbox,
  events: number,
  options: SeedOptions = {},
): Promise<BenchPage & { chat: SeededChat }> {
  const chat = await seedChat(sandbox, events, options);
  const visitor = await benchPage(browser, [chat.cookie]);
  try {
    await visitor.page.goto(`${site.url}/chatlet.html`, { waitUntil: 'load' });
    await settle(visitor.page);
  } catch (e) {
    await visitor.close();
    throw e;
  }
  return { ...visitor, chat };
}
