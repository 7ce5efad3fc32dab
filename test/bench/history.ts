// A returning visitor with a long chat opens the widget and scrolls through the whole history:
// time to open, the longest task while opening and while scrolling to the top and back, the
// widget's DOM nodes and the page's JS heap.
import type { Browser, Page } from 'playwright';
import type { Sandbox } from '../../demo/sandbox/server';
import type { BenchSite } from './bench-site';
import { domNodes, heapMb, longest, longTasks, medianOf, pageNow, settle } from './measure';
import { openPanel } from './open-panel';
import { returningVisitor } from './returning-visitor';

/** Medians over the runs of one history size. */
export interface HistoryResult extends Record<string, number> {
  /** From pointerdown on the launcher to the newest message on screen with the composer focused, ms. */
  openMs: number;
  openLongestMs: number;
  /** Longest task from the first scroll up until back at the bottom and idle, ms. */
  scrollLongestMs: number;
  /** Scroll steps (each a jump to the top, then a frame) until the oldest message showed (NaN: not within the limit). */
  scrollSteps: number;
  /** Widget DOM nodes once opened, and at most while scrolled to the top. */
  nodesOpen: number;
  nodesTop: number;
  /** JS heap after GC once opened, MB. */
  heapMb: number;
  /** JS heap after GC once scrolled to the oldest and back, MB: what the whole history costs held. */
  heapScrolledMb: number;
}

// Scrolling up stops here; a list that has not shown its oldest event by then reports NaN steps.
const SCROLL_LIMIT_MS = 180_000;

/**
 * One step of the visitor scrolling: jumps the message list to the top (or bottom), waits for the
 * frame that renders what the jump revealed, and reports whether `text` is in the list and how many
 * nodes the widget has.
 */
function scrollStep(page: Page, to: 'top' | 'bottom', text: string): Promise<{ found: boolean; nodes: number }> {
  return page.evaluate(
    ({ to, text }) =>
      new Promise<{ found: boolean; nodes: number }>((resolve) => {
        const root = document.querySelector('chatlet-widget')!.shadowRoot!;
        const log = root.querySelector<HTMLElement>('[role="log"]')!;
        log.scrollTop = to === 'top' ? 0 : log.scrollHeight;
        requestAnimationFrame(() =>
          setTimeout(() => {
            let nodes = 0;
            for (const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL); walker.nextNode(); ) nodes++;
            resolve({ found: (log.textContent ?? '').includes(text), nodes });
          }),
        );
      }),
    { to, text },
  );
}

/**
 * Seeds a chat of `events` messages in `threads` threads (sessions) for a new visitor identity per
 * run, opens it in a fresh throttled page and scrolls to the oldest message and back (loading older
 * threads on the way); returns the medians of `runs` runs.
 *
 * @example
 * const tenThousand = await measureHistory(browser, site, sandbox, 10_000, 3);
 * const sessions = await measureHistory(browser, site, sandbox, 10_000, 1, 100);
 */
export function measureHistory(
  browser: Browser,
  site: BenchSite,
  sandbox: Sandbox,
  events: number,
  runs: number,
  threads = 1,
): Promise<HistoryResult> {
  return medianOf(runs, async () => {
    const { chat, page, cdp, close } = await returningVisitor(browser, site, sandbox, events, { threads });
    try {
      const { usableMs: openMs, since } = await openPanel(page, { kind: 'chat', text: chat.newest });
      await settle(page);
      const openLongestMs = longest(await longTasks(page, since));
      const nodesOpen = (await domNodes(page)).widget;
      const heap = await heapMb(cdp);

      const scrolling = await pageNow(page);
      const deadline = Date.now() + SCROLL_LIMIT_MS;
      let scrollSteps = 0;
      let nodesTop = nodesOpen;
      let found = false;
      for (; !found && Date.now() < deadline; scrollSteps++) {
        const step = await scrollStep(page, 'top', chat.oldest);
        found = step.found;
        nodesTop = Math.max(nodesTop, step.nodes);
      }
      if (!found) scrollSteps = NaN;
      await scrollStep(page, 'bottom', chat.newest);
      await settle(page);
      const scrollLongestMs = longest(await longTasks(page, scrolling));
      return { openMs, openLongestMs, scrollLongestMs, scrollSteps, nodesOpen, nodesTop, heapMb: heap, heapScrolledMb: await heapMb(cdp) };
    } finally {
      await close();
    }
  });
}
