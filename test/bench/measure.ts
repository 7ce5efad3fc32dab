// What every browser benchmark reads from a page: CPU throttled through CDP, the renderer's script
// time (Performance.getMetrics), long tasks from a PerformanceObserver installed before any page
// script runs, the JS heap after a forced GC, and the DOM nodes of the widget's shadow root.
import type { Browser, CDPSession, Page } from 'playwright';

/** CPU slowdown applied to every page (DESIGN §6: budgets hold at 4×). */
export const CPU_SLOWDOWN = 4;

/** A long task as the page's PerformanceObserver saw it, in ms since navigation. */
export interface LongTask {
  start: number;
  duration: number;
}

/** A throttled page with a CDP session on it; `close()` closes its context too. */
export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

// Runs before any script of the page, so the buffered entries and every later one are kept.
const OBSERVE_LONG_TASKS = `(() => {
  const tasks = (window.__benchLongTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/**
 * Opens a page in a fresh context (empty cache and storage, only `cookies`), throttles its CPU and
 * starts collecting long tasks and performance metrics.
 *
 * @example
 * const { page, cdp, close } = await benchPage(browser);
 */
export async function benchPage(browser: Browser, cookies: { name: string; value: string; url: string }[] = []): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (cookies.length > 0) await context.addCookies(cookies);
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp, close: () => context.close() };
}

/** The renderer's total script execution time so far, in ms. */
export async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** Long tasks seen so far, optionally only those starting at or after `since` (page ms). */
export async function longTasks(page: Page, since = 0): Promise<LongTask[]> {
  const all = await page.evaluate(() => (window as unknown as { __benchLongTasks: LongTask[] }).__benchLongTasks);
  return all.filter((t) => t.start >= since);
}

/** The page's clock (`performance.now()`), to mark where a phase starts. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The longest of some long tasks, 0 when there is none. */
export const longest = (tasks: LongTask[]): number => Math.max(0, ...tasks.map((t) => t.duration));

/** JS heap in use after a full garbage collection, in MB. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/** Nodes in the page's document plus those inside the widget's shadow root. */
export function domNodes(page: Page): Promise<{ page: number; widget: number }> {
  return page.evaluate(() => {
    const count = (root: Node): number => {
      let n = 0;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    };
    const shadow = document.querySelector('chatlet-widget')?.shadowRoot;
    return { page: count(document), widget: shadow ? count(shadow) : 0 };
  });
}

/** Waits until the page has had no long task for `quietMs` (at most `maxMs`), so a phase has settled. */
export async function settle(page: Page, quietMs = 1000, maxMs = 10_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const now = await pageNow(page);
    const tasks = await longTasks(page);
    const lastEnd = Math.max(0, ...tasks.map((t) => t.start + t.duration));
    if (now - lastEnd >= quietMs || Date.now() > deadline) return;
    await page.waitForTimeout(Math.min(250, quietMs - (now - lastEnd)));
  }
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `once` `runs` times in sequence and returns the median of each numeric field. */
export async function medianOf<T extends Record<string, number>>(runs: number, once: (run: number) => Promise<T>): Promise<T> {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(i));
  const keys = Object.keys(results[0] ?? {}) as (keyof T)[];
  return Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k] as number))])) as T;
}
