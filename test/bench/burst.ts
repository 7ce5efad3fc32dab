// A visitor with the chat open while the agent sends a burst: 100 messages a second for 10 seconds,
// each pushed to the widget as its own `incoming_event` frame. The longest task during the burst
// (and until the page is idle after it), and whether the last message made it to the screen.
import type { Browser } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import type { BenchAgent } from './bench-agent';
import type { BenchSite } from './bench-site';
import { longest, longTasks, medianOf, pageNow, scriptMs, settle } from './measure';
import { openPanel } from './open-panel';
import { returningVisitor } from './returning-visitor';

/** Medians over the runs. */
export interface BurstResult extends Record<string, number> {
  longestMs: number;
  longTasks: number;
  /** Script time from the first event until idle, ms. */
  scriptMs: number;
  /** From the last event sent to it on screen, ms. */
  lastShownMs: number;
}

/** Events per second and seconds of the burst. */
export const BURST = { rate: 100, seconds: 10 };
// The chat the burst lands in already holds this many events.
const HISTORY = 100;

/** Sends `count` messages at `rate` a second, each at its due time (several at once if a timer was late). */
async function sendBurst(agent: BenchAgent, chatId: string, count: number, rate: number, text: (i: number) => string): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < count; ) {
    const due = Math.floor(((performance.now() - start) * rate) / 1000) + 1;
    for (; i < Math.min(due, count); i++) agent.send(chatId, text(i + 1));
    await new Promise((r) => setTimeout(r, 1000 / rate));
  }
}

/**
 * Opens a chat of 100 events in a fresh throttled page, then has `agent` send the burst into it;
 * returns the medians of `runs` runs.
 *
 * @example
 * const burst = await measureBurst(browser, site, sandbox, agent, 3);
 */
export function measureBurst(browser: Browser, site: BenchSite, sandbox: Sandbox, agent: BenchAgent, runs: number): Promise<BurstResult> {
  return medianOf(runs, async () => {
    const { chat, page, cdp, close } = await returningVisitor(browser, site, sandbox, HISTORY);
    try {
      await openPanel(page, { kind: 'chat', text: chat.newest });
      await settle(page);
      const since = await pageNow(page);
      const script = await scriptMs(cdp);
      const count = BURST.rate * BURST.seconds;
      const last = `burst ${count} of ${count}`;
      await sendBurst(agent, chat.chatId, count, BURST.rate, (i) => `burst ${i} of ${count}`);
      const sent = Date.now();
      await page.waitForFunction(
        (text) => (document.querySelector('chatlet-widget')?.shadowRoot?.querySelector('[role="log"]')?.textContent ?? '').includes(text),
        last,
        { timeout: 60_000, polling: 50 },
      );
      const lastShownMs = Date.now() - sent;
      await settle(page);
      const tasks = await longTasks(page, since);
      return { longestMs: longest(tasks), longTasks: tasks.length, scriptMs: (await scriptMs(cdp)) - script, lastShownMs };
    } finally {
      await close();
    }
  });
}
